/**
 * Dev server: junit.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.junit;

import org.jspecify.annotations.NullMarked;
