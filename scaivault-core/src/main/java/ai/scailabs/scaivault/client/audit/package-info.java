/**
 * Audit log queries.
 */
@NullMarked
package ai.scailabs.scaivault.client.audit;

import org.jspecify.annotations.NullMarked;
