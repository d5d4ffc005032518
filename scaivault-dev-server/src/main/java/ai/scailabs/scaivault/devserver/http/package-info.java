/**
 * Dev server: http.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.http;

import org.jspecify.annotations.NullMarked;
