/**
 * Dev server: health.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.health;

import org.jspecify.annotations.NullMarked;
