package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.time.Instant;

/**
 * Published when a bundle's certificate was renewed and the new one is served. Holds no key
 * material.
 *
 * @param bundle the SSL bundle name
 * @param previousSerialNumber the serial number of the replaced certificate
 * @param serialNumber the new certificate's serial number
 * @param notBefore when the new certificate became valid
 * @param notAfter when it expires
 */
public record CertificateRenewedEvent(String bundle, String previousSerialNumber, String serialNumber,
		Instant notBefore, Instant notAfter) {

}
