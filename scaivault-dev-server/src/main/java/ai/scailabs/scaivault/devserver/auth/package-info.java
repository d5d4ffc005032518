/**
 * Dev server: auth.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.auth;

import org.jspecify.annotations.NullMarked;
