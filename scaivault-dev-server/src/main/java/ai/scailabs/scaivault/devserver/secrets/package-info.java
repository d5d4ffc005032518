/**
 * Dev server: versioned key-value secrets (contract section 4), with soft and permanent delete,
 * check-and-set writes, version pruning, rotation with a grace period and batch reads.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.secrets;

import org.jspecify.annotations.NullMarked;
