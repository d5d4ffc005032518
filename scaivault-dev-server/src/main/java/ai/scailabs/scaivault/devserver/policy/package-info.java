/**
 * Dev server: policy.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.policy;

import org.jspecify.annotations.NullMarked;
