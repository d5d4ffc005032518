/**
 * Dev server: ACME. Accounts and orders answered by the dev server itself, without any network:
 * orders become valid after a delay measured on the dev clock and are signed by a dev ACME CA.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.acme;

import org.jspecify.annotations.NullMarked;
