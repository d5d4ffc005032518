/**
 * ACME: accounts and orders.
 */
@NullMarked
package ai.scailabs.scaivault.client.acme;

import org.jspecify.annotations.NullMarked;
