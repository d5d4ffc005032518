/**
 * Dev server: rotation policies (contract section 6) and the scheduler that rotates assigned
 * secrets, or announces that they are due, on the {@link ai.scailabs.scaivault.devserver.time.DevClock}.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.rotation;

import org.jspecify.annotations.NullMarked;
