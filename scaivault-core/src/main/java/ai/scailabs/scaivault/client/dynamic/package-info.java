/**
 * Dynamic secrets: generate credentials, renew and revoke leases.
 */
@NullMarked
package ai.scailabs.scaivault.client.dynamic;

import org.jspecify.annotations.NullMarked;
