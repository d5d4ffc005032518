/**
 * Health of the ScaiVault service.
 */
@NullMarked
package ai.scailabs.scaivault.client.health;

import org.jspecify.annotations.NullMarked;
