package ai.scailabs.scaivault.client.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.dynamic.EngineConfiguration;
import ai.scailabs.scaivault.client.dynamic.EngineType;
import ai.scailabs.scaivault.client.subscriptions.WebhookDelivery;

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
		assertThat(Urls.redact("https://u:p?w@host")).isEqualTo("https://***@host");
		assertThat(Urls.redact("https://u:p/w@host")).isEqualTo("https://***@host");
		assertThat(Urls.redact("u:pw@host")).isEqualTo("***@host");
	}

	@Test
	void redactHidesTheQuery() {
		assertThat(Urls.redact("jdbc:postgresql://127.0.0.1:5432/test?user=a&password=pw"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?***");
		assertThat(Urls.redact("jdbc:mysql://u:pw@127.0.0.1/test")).isEqualTo("jdbc:mysql://***@127.0.0.1/test");
		assertThat(Urls.redact(URI.create("https://host/token?secret=pw"))).isEqualTo("https://host/token?***");
	}

	@Test
	void webhookAndEngineConfigurationToStringHideUrlCredentials() {
		assertThat(WebhookDelivery.webhook("https://u:pw@hooks.example/in?token=t0k", "whsec_x").toString())
			.contains("https://***@hooks.example/in?***")
			.doesNotContain("pw")
			.doesNotContain("t0k");
		assertThat(new EngineConfiguration("db", EngineType.POSTGRESQL,
				"jdbc:postgresql://127.0.0.1/test?password=pw", "admin", "adminpw", null).toString())
			.contains("jdbc:postgresql://127.0.0.1/test?***")
			.doesNotContain("pw");
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
				URI.create("https://u:pw@host/token"), Duration.ofSeconds(1), "test",
				new ErrorResponses(ScaiVaultJson.mapper(), Clock.systemUTC()));
		assertThat(endpoint).hasToString("HttpTokenEndpoint[https://***@host/token]");
	}

}
