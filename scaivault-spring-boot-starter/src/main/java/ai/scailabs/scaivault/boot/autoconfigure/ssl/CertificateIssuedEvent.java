package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.time.Instant;

/**
 * Published when a bundle's first certificate was issued, at start-up. Holds no key material.
 *
 * @param bundle the SSL bundle name
 * @param serialNumber the certificate's serial number
 * @param notBefore when it became valid
 * @param notAfter when it expires
 */
public record CertificateIssuedEvent(String bundle, String serialNumber, Instant notBefore, Instant notAfter) {

}
