/**
 * Event subscriptions: create, list, delete.
 */
@NullMarked
package ai.scailabs.scaivault.client.subscriptions;

import org.jspecify.annotations.NullMarked;
