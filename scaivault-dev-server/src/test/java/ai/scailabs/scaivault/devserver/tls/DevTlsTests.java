package ai.scailabs.scaivault.devserver.tls;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.devserver.DevServerHttp;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The HTTPS mode: a real TLS handshake against the server's dev CA.
 */
class DevTlsTests {

	@Test
	void httpsServerAnswersClientTrustingDevCa() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().https(true).start()) {
			assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");
			assertThat(server.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
			DevServerHttp.Response response = new DevServerHttp(server).get("/v1/health", null);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().path("status").asString()).isEqualTo("ok");
		}
	}

	@Test
	void httpsServerAnswersOnLocalhostName() throws Exception {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().https(true).start()) {
			HttpClient client = HttpClient.newBuilder().sslContext(server.sslContext()).build();
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/v1/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void httpsServerRefusesClientWithoutDevCa() throws Exception {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().https(true).start();
				ScaiVaultDevServer other = ScaiVaultDevServer.builder().https(true).start()) {
			HttpClient client = HttpClient.newBuilder().sslContext(other.sslContext()).build();
			HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/health")).build();
			assertThatExceptionOfType(SSLHandshakeException.class)
				.isThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()));
		}
	}

	@Test
	void sslContextOfPlainHttpServerThrowsIllegalState() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().start()) {
			assertThat(server.https()).isFalse();
			org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(server::sslContext);
		}
	}

}
