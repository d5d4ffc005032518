/**
 * A service that serves HTTPS with a ScaiVault-issued certificate, requires client certificates,
 * and calls itself through a {@code RestClient} with a second ScaiVault-issued bundle; both are
 * renewed and reloaded while it runs.
 */
@NullMarked
package ai.scailabs.scaivault.samples.mtls;

import org.jspecify.annotations.NullMarked;
