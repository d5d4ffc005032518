/**
 * Live rotation: a signed ScaiVault webhook (Spring MVC or WebFlux), or a poll when no webhook can
 * reach the application, re-reads the secret path that changed, swaps its values in the
 * {@code scaivault:} property source and rebinds the beans that read them, without a restart.
 */
@NullMarked
package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import org.jspecify.annotations.NullMarked;
