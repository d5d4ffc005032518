package ai.scailabs.scaivault.devserver.pki;

import java.math.BigInteger;
import java.time.Instant;

/**
 * The revocation of one certificate.
 *
 * @param serial the certificate's serial number
 * @param revokedAt when it was revoked
 * @param reason the reason
 */
public record Revocation(BigInteger serial, Instant revokedAt, RevocationReason reason) {

}
