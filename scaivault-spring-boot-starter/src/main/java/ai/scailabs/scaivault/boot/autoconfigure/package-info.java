/**
 * Auto-configuration for ScaiVault: the client beans, and in sub-packages their health indicator
 * and metrics.
 */
@NullMarked
package ai.scailabs.scaivault.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
