/**
 * Dev server: faults.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.faults;

import org.jspecify.annotations.NullMarked;
