package ai.scailabs.scaivault.devserver.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Validates a certificate against the CAs of the dev server: a chain to one of its root CAs (built
 * by the JDK's PKIX {@link CertPathBuilder} from the given chain and the server's CAs), the
 * validity dates of every certificate of the chain on the dev clock, and, when asked, revocation by
 * the issuing CAs.
 */
public final class CertificateValidator {

	private final List<CertificateAuthority> authorities;

	/**
	 * @param authorities every CA of the server
	 */
	public CertificateValidator(List<CertificateAuthority> authorities) {
		this.authorities = List.copyOf(authorities);
	}

	/**
	 * @param certificate the certificate to validate
	 * @param chain other certificates that may help build the chain
	 * @param checkRevocation whether to check revocation
	 * @param now the current time of the dev clock
	 * @return the result
	 */
	public ValidationResult validate(X509Certificate certificate, List<X509Certificate> chain, boolean checkRevocation,
			Instant now) {
		List<String> errors = new ArrayList<>();
		List<X509Certificate> path = buildPath(certificate, chain, now, errors);
		List<X509Certificate> checked = (path != null) ? path : List.of(certificate);
		for (int i = 0; i < checked.size(); i++) {
			checkDates(checked.get(i), (i == 0) ? "certificate" : "CA certificate", now, errors);
		}
		if (checkRevocation && path != null) {
			for (int i = 0; i < path.size() - 1; i++) {
				checkRevocation(path.get(i), path.get(i + 1), (i == 0) ? "certificate" : "CA certificate", errors);
			}
		}
		return new ValidationResult(errors.isEmpty(), errors);
	}

	/**
	 * Build the path from the certificate up to and including a root CA's certificate.
	 */
	private @Nullable List<X509Certificate> buildPath(X509Certificate certificate, List<X509Certificate> chain,
			Instant now, List<String> errors) {
		Set<TrustAnchor> anchors = new HashSet<>();
		List<Object> intermediates = new ArrayList<>(chain);
		for (CertificateAuthority authority : this.authorities) {
			if (authority.parent() == null) {
				if (authority.certificate().equals(certificate)) {
					return List.of(certificate);
				}
				anchors.add(new TrustAnchor(authority.certificate(), null));
			}
			else {
				intermediates.add(authority.certificate());
			}
		}
		if (anchors.isEmpty()) {
			errors.add("certificate does not chain to a CA of this server: the server has no root CA");
			return null;
		}
		try {
			X509CertSelector target = new X509CertSelector();
			target.setCertificate(certificate);
			PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
			parameters.setRevocationEnabled(false);
			parameters.setDate(Date.from(buildDate(certificate, now)));
			intermediates.add(certificate);
			parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(intermediates)));
			PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
				.build(parameters);
			List<X509Certificate> path = new ArrayList<>();
			result.getCertPath().getCertificates().forEach((element) -> path.add((X509Certificate) element));
			path.add(result.getTrustAnchor().getTrustedCert());
			return path;
		}
		catch (GeneralSecurityException ex) {
			errors.add("certificate does not chain to a CA of this server (unknown issuer, bad signature or a "
					+ "CA constraint is not met)");
			return null;
		}
	}

	/**
	 * Dates are reported one by one, so the chain is built at a time when the certificate itself is
	 * valid.
	 */
	private static Instant buildDate(X509Certificate certificate, Instant now) {
		Instant notBefore = certificate.getNotBefore().toInstant();
		Instant notAfter = certificate.getNotAfter().toInstant();
		if (!now.isBefore(notBefore) && !now.isAfter(notAfter)) {
			return now;
		}
		return notBefore.plus(java.time.Duration.between(notBefore, notAfter).dividedBy(2));
	}

	private static void checkDates(X509Certificate certificate, String what, Instant now, List<String> errors) {
		String subject = certificate.getSubjectX500Principal().getName();
		Instant notBefore = certificate.getNotBefore().toInstant();
		Instant notAfter = certificate.getNotAfter().toInstant();
		if (now.isBefore(notBefore)) {
			errors.add(what + " '" + subject + "' is not valid before " + notBefore);
		}
		if (now.isAfter(notAfter)) {
			errors.add(what + " '" + subject + "' expired at " + notAfter);
		}
	}

	private void checkRevocation(X509Certificate certificate, X509Certificate issuer, String what,
			List<String> errors) {
		for (CertificateAuthority authority : this.authorities) {
			if (authority.certificate().equals(issuer)) {
				Revocation revocation = authority.revocation(certificate.getSerialNumber());
				if (revocation != null) {
					errors.add(what + " '" + certificate.getSubjectX500Principal().getName() + "' (serial "
							+ IssuedCertificate.serialNumber(certificate.getSerialNumber()) + ") was revoked at "
							+ revocation.revokedAt() + ", reason " + revocation.reason().jsonValue());
				}
			}
		}
	}

}
