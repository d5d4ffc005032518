/**
 * Actuator health of ScaiVault: whether the service answers and the client's credentials are
 * accepted.
 */
@NullMarked
package ai.scailabs.scaivault.boot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
