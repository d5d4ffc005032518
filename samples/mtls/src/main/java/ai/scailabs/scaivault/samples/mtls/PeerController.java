package ai.scailabs.scaivault.samples.mtls;

import java.security.cert.X509Certificate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /peer}: who called, by the client certificate of the connection. Answers with
 * {@code Connection: close}, so each call is a new TLS handshake and shows the current certificates.
 */
@RestController
class PeerController {

	@GetMapping("/peer")
	Peer peer(HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Connection", "close");
		X509Certificate[] chain = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
		X509Certificate client = (chain != null && chain.length > 0) ? chain[0] : null;
		return Peer.of(client);
	}

	/**
	 * The client certificate of a request.
	 *
	 * @param subject its subject, or {@code null} without one
	 * @param serialNumber its serial number, hexadecimal, or {@code null}
	 * @param notAfter when it expires, or {@code null}
	 */
	record Peer(@Nullable String subject, @Nullable String serialNumber, @Nullable String notAfter) {

		static Peer of(@Nullable X509Certificate certificate) {
			if (certificate == null) {
				return new Peer(null, null, null);
			}
			return new Peer(certificate.getSubjectX500Principal().getName(),
					certificate.getSerialNumber().toString(16), certificate.getNotAfter().toInstant().toString());
		}

	}

}
