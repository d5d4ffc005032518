/**
 * Rotation policies: create, assign secrets, trigger, history, due.
 */
@NullMarked
package ai.scailabs.scaivault.client.rotation;

import org.jspecify.annotations.NullMarked;
