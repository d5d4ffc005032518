/**
 * Support for the auto-configured ScaiVault client beans.
 */
@NullMarked
package ai.scailabs.scaivault.boot.autoconfigure.client;

import org.jspecify.annotations.NullMarked;
