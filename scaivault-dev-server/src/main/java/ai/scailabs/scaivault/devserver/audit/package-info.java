/**
 * Dev server: audit.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.audit;

import org.jspecify.annotations.NullMarked;
