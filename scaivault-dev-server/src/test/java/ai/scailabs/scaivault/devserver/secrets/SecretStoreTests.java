package ai.scailabs.scaivault.devserver.secrets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import ai.scailabs.scaivault.devserver.events.Event;
import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ErrorCode;
import ai.scailabs.scaivault.devserver.time.DevClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SecretStoreTests {

	final DevClock clock = new DevClock();

	final List<Event> events = new CopyOnWriteArrayList<>();

	final SecretStore store = new SecretStore(this.clock, this.events::add);

	@Test
	void readReturnsCopyThatCallersCannotChange() {
		ObjectNode data = data("k", "v");
		this.store.write("a/b", data, null, null, null, null);
		data.put("k", "changed");
		this.store.read("a/b", null).data().put("k", "changed too");
		assertThat(this.store.read("a/b", null).data().path("k").asString()).isEqualTo("v");
	}

	@Test
	void secretVersionToStringShowsKeysButNotValues() {
		this.store.write("a/b", data("password", "hunter2"), SecretTypes.PASSWORD, null, null, null);
		assertThat(this.store.read("a/b", null).toString()).contains("password").doesNotContain("hunter2");
	}

	@Test
	void writeWhenRepeatedWithTheSameIdempotencyKeyThenWritesOneVersion() {
		WriteResult first = this.store.write("a/b", data("k", "v"), null, null, null, null, "key-1");
		WriteResult repeated = this.store.write("a/b", data("k", "v"), null, null, null, null, "key-1");
		assertThat(repeated).isEqualTo(first);
		assertThat(this.store.read("a/b", null).version()).isEqualTo(1);
		assertThat(this.events).hasSize(1);
		assertThat(this.store.write("a/b", data("k", "v"), null, null, null, null, "key-2").version()).isEqualTo(2);
	}

	@Test
	void writeWhenRepeatedWithAKeyAfterOthersThenForgetsOnlyTheOldestKeys() {
		for (int i = 0; i <= SecretStore.MAX_IDEMPOTENCY_KEYS; i++) {
			this.store.write("a/b", data("k", "v" + i), null, null, null, null, "key-" + i);
		}
		int last = SecretStore.MAX_IDEMPOTENCY_KEYS;
		assertThat(this.store.write("a/b", data("k", "again"), null, null, null, null, "key-" + last).version())
			.isEqualTo(last + 1);
		assertThat(this.store.write("a/b", data("k", "again"), null, null, null, null, "key-0").version())
			.isEqualTo(last + 2);
	}

	@Test
	void writeWhenCasFailsOnNewPathLeavesNothingBehind() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.store.write("a/b", data("k", "v"), null, null, null, 3))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CONFLICT));
		assertThat(this.store.find("a/b")).isEmpty();
		assertThat(this.store.list("", 10, null, (path) -> true).data()).isEmpty();
		assertThat(this.events).isEmpty();
	}

	@Test
	void rotateWithGracePeriodEndsReadabilityOfPreviousVersionExactlyAtItsEnd() {
		this.store.write("a/b", data("k", "v1"), null, null, null, null);
		RotationResult result = this.store.rotate("a/b", data("k", "v2"), Duration.ofMinutes(10), "test");
		assertThat(result.previousVersion()).isEqualTo(1);
		assertThat(result.version()).isEqualTo(2);
		this.clock.advance(Duration.ofMinutes(10).minusMillis(50));
		assertThat(this.store.read("a/b", 1).data().path("k").asString()).isEqualTo("v1");
		this.clock.advance(Duration.ofMillis(100));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.store.read("a/b", 1))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND));
	}

	@Test
	void rotatePasswordReplacesOnlyPasswordField() {
		ObjectNode data = data("password", "old");
		data.put("username", "app");
		this.store.write("a/b", data, SecretTypes.PASSWORD, null, null, null);
		this.store.rotate("a/b", null, Duration.ZERO, null);
		ObjectNode rotated = this.store.read("a/b", null).data();
		assertThat(rotated.path("username").asString()).isEqualTo("app");
		assertThat(rotated.path("password").asString()).hasSize(32).isNotEqualTo("old");
	}

	@Test
	void eventsNeverHoldValues() {
		this.store.write("a/b", data("password", "hunter2"), SecretTypes.PASSWORD, null, null, null);
		this.store.rotate("a/b", null, Duration.ofHours(1), "scheduled");
		String generated = this.store.read("a/b", null).data().path("password").asString();
		this.store.delete("a/b", true);
		assertThat(this.events).hasSize(3).allSatisfy((event) -> {
			assertThat(event.toString()).doesNotContain("hunter2").doesNotContain(generated);
			assertThat(event.data().values()).allSatisfy((value) -> assertThat(value).isNotInstanceOf(Map.class));
		});
	}

	@Test
	void listSkipsInvisiblePathsAndFillsPage() {
		for (String path : List.of("p/a", "p/b", "p/c", "p/d", "q/a")) {
			this.store.write(path, data("k", "v"), null, null, null, null);
		}
		SecretPage page = this.store.list("p/", 2, null, (path) -> !path.equals("p/b"));
		assertThat(page.data()).extracting(SecretSummary::path).containsExactly("p/a", "p/c");
		assertThat(page.hasMore()).isTrue();
		SecretPage last = this.store.list("p/", 2, page.cursor(), (path) -> !path.equals("p/b"));
		assertThat(last.data()).extracting(SecretSummary::path).containsExactly("p/d");
		assertThat(last.hasMore()).isFalse();
		assertThat(last.cursor()).isNull();
	}

	@Test
	void concurrentWritesAndPermanentDeletesNeverLoseOrDuplicateVersions() throws Exception {
		List<Thread> threads = new ArrayList<>();
		List<Integer> versions = new CopyOnWriteArrayList<>();
		for (int t = 0; t < 8; t++) {
			Thread thread = new Thread(() -> {
				for (int i = 0; i < 500; i++) {
					versions.add(this.store.write("a/b", data("k", "v"), null, null, 5, null).version());
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join(Duration.ofMinutes(2).toMillis());
			assertThat(thread.isAlive()).as("a writer still running after two minutes").isFalse();
		}
		assertThat(versions).hasSize(4000).doesNotHaveDuplicates();
		assertThat(this.store.read("a/b", null).version()).isEqualTo(4000);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.store.read("a/b", 3995));
		assertThat(this.store.read("a/b", 3996).version()).isEqualTo(3996);
	}

	private static ObjectNode data(String key, String value) {
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.put(key, value);
		return data;
	}

}
