/**
 * SSL bundles whose certificates ScaiVault's PKI (or an ACME order) issues at start-up and renews
 * before they expire, hot-reloaded in the web server and in every client built from the bundle.
 */
@NullMarked
package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import org.jspecify.annotations.NullMarked;
