/**
 * What tests of every module share besides real servers: {@link ai.scailabs.scaivault.test.Waits},
 * bounded polling for conditions no latch signals.
 */
@NullMarked
package ai.scailabs.scaivault.test;

import org.jspecify.annotations.NullMarked;
