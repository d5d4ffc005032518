/**
 * Secrets: read, write, list, rotate and batch read.
 */
@NullMarked
package ai.scailabs.scaivault.client.secrets;

import org.jspecify.annotations.NullMarked;
