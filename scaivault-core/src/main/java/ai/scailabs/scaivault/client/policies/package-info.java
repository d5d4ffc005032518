/**
 * Policies: create, get, list, delete, bind, unbind, test.
 */
@NullMarked
package ai.scailabs.scaivault.client.policies;

import org.jspecify.annotations.NullMarked;
