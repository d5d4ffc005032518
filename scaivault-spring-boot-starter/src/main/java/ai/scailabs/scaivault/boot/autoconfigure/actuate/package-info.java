/**
 * Actuator support: ScaiVault secrets and credentials are masked in {@code /actuator/env} and
 * {@code /actuator/configprops}, whatever {@code show-values} says.
 */
@NullMarked
package ai.scailabs.scaivault.boot.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
