/**
 * Dev server: time.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.time;

import org.jspecify.annotations.NullMarked;
