package ai.scailabs.scaivault.client.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Urls}.
 */
class UrlsTests {

	@Test
	void redactRemovesUserInfoFromServerAuthority() {
		assertThat(Urls.redact(URI.create("https://u:pw@host:8443/token"))).isEqualTo("https://***@host:8443/token");
	}

	@Test
	void redactRemovesUserInfoFromRegistryAuthority() {
		assertThat(Urls.redact(URI.create("https://u:pw@bad_host/token"))).isEqualTo("https://***@bad_host/token");
	}

	@Test
	void redactKeepsUrlWithoutUserInfo() {
		assertThat(Urls.redact(URI.create("https://host/v1"))).isEqualTo("https://host/v1");
		assertThat(Urls.redact("ftp://host")).isEqualTo("ftp://host");
	}

	@Test
	void redactOfUnparsableTextHidesEverythingUpToTheLastAt() {
		assertThat(Urls.redact("https://u:p w@host")).isEqualTo("https://***@host");
		assertThat(Urls.redact("u:pw@host")).isEqualTo("***@host");
	}

	@Test
	void hasUserInfoFindsUserInfoInParsableAndUnparsableUrls() {
		assertThat(Urls.hasUserInfo("https://u:pw@host")).isTrue();
		assertThat(Urls.hasUserInfo("https://u:pw@bad_host")).isTrue();
		assertThat(Urls.hasUserInfo("https://u:p w@host")).isTrue();
		assertThat(Urls.hasUserInfo("https://host/a@b")).isFalse();
		assertThat(Urls.hasUserInfo("https://host")).isFalse();
	}

	@Test
	void tokenEndpointToStringDoesNotShowUserInfo() {
		HttpTokenEndpoint endpoint = new HttpTokenEndpoint(HttpClient.newHttpClient(),
				URI.create("https://u:pw@host/token"), Duration.ofSeconds(1), "test", ScaiVaultJson.mapper(),
				new ErrorResponses(ScaiVaultJson.mapper(), Clock.systemUTC()));
		assertThat(endpoint).hasToString("HttpTokenEndpoint[https://***@host/token]");
	}

}
