/**
 * Dev server: events.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.events;

import org.jspecify.annotations.NullMarked;
