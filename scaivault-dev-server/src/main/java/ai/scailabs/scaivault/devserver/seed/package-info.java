/**
 * Dev server: seed.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.seed;

import org.jspecify.annotations.NullMarked;
