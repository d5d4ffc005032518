/**
 * Dev server: tls.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.tls;

import org.jspecify.annotations.NullMarked;
