/**
 * TLS handshakes per second on a Tomcat server whose ScaiVault-issued bundle is renewed every few
 * seconds, against the same server on a static PEM bundle, side by side in one run. Run it with
 * {@link ai.scailabs.scaivault.benchmarks.ssl.SslRenewalHarness}.
 */
@NullMarked
package ai.scailabs.scaivault.benchmarks.ssl;

import org.jspecify.annotations.NullMarked;
