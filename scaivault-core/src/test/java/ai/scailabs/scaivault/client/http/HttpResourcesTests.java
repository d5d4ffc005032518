package ai.scailabs.scaivault.client.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link HttpResources}: nothing of the client lingers after {@code close()}, and a
 * plain-http client needs no TLS set-up.
 */
class HttpResourcesTests {

	@Test
	void closeWhenTheClientWasUsedLeavesNoSelectorThread() throws Exception {
		try (MockWebServer server = new MockWebServer()) {
			server.enqueue(new MockResponse(200, okhttp3.Headers.of(), "ok"));
			server.start();
			HttpResources resources = new HttpResources(Duration.ofSeconds(5), null, false, true, true);
			HttpClient client = resources.httpClient();
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.url("/").toString())).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.body()).isEqualTo("ok");
			Set<String> own = ownSelector(client, selectorThreads());
			assertThat(own).hasSize(1);
			resources.close();
			// close() waits (bounded) for the thread to end; poll a little more on a loaded machine
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (selectorThreads().stream().anyMatch(own::contains) && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			assertThat(selectorThreads()).doesNotContainAnyElementsOf(own);
			assertThatIllegalStateException().isThrownBy(resources::httpClient);
		}
	}

	private static Set<String> ownSelector(HttpClient client, Set<String> candidates) {
		String description = client.toString();
		String id = description.substring(description.lastIndexOf('(') + 1, description.length() - 1);
		return candidates.stream().filter(("HttpClient-" + id + "-SelectorManager")::equals).collect(Collectors.toSet());
	}

	private static Set<String> selectorThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("HttpClient-") && name.endsWith("-SelectorManager"))
			.collect(Collectors.toSet());
	}

}
