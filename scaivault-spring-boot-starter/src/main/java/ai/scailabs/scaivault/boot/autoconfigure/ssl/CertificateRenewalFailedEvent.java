package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.time.Instant;

/**
 * Published when renewing a bundle's certificate failed; the current certificate is still served
 * and the renewal is retried. Holds no key material.
 *
 * @param bundle the SSL bundle name
 * @param serialNumber the serial number of the certificate still served
 * @param notAfter when it expires
 * @param error why the renewal failed (the error's message, never key material)
 * @param retryAt when the renewal is tried again
 */
public record CertificateRenewalFailedEvent(String bundle, String serialNumber, Instant notAfter, String error,
		Instant retryAt) {

}
