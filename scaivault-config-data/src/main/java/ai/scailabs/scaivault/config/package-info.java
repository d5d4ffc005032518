/**
 * ScaiVault for Spring configuration: {@link ai.scailabs.scaivault.config.ScaiVaultProperties},
 * the {@link ai.scailabs.scaivault.config.ScaiVaultClientFactory client factory} and the
 * {@code spring.config.import=scaivault:...} config data support.
 */
@NullMarked
package ai.scailabs.scaivault.config;

import org.jspecify.annotations.NullMarked;
