/**
 * The ScaiVault client: {@link ai.scailabs.scaivault.client.ScaiVaultClient} (blocking),
 * {@link ai.scailabs.scaivault.client.ScaiVaultAsyncClient} and the exceptions they raise.
 */
@NullMarked
package ai.scailabs.scaivault.client;

import org.jspecify.annotations.NullMarked;
