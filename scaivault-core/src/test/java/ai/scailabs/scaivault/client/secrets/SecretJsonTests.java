package ai.scailabs.scaivault.client.secrets;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.client.http.ScaiVaultJson;
import ai.scailabs.scaivault.client.http.StreamingJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SecretJson}: the streaming readers give the same records as the client's
 * data-binding mapper for the same answers.
 */
class SecretJsonTests {

	private static final String SECRET = """
			{"path": "app/db", "version": 3, "secret_type": "password",
			 "data": {"username": "app", "password": "s3cr\\u00e9t \\"quoted\\"", "port": 5432,
			          "big": 12345678901, "huge": 123456789012345678901234567890, "ratio": 0.25,
			          "enabled": true, "off": false, "none": null,
			          "nested": {"list": [1, "two", {"three": 3.0}], "empty": {}}},
			 "metadata": {"description": "the database", "tags": ["db", "prod"], "owner": "team-a",
			              "limits": {"max": 10}},
			 "created_at": "2026-12-01T10:15:30.123456Z", "updated_at": "2026-12-02T11:00:00+01:00",
			 "unknown_field": {"ignored": [1, 2, {"deep": null}]}, "another": [true]}
			""";

	private final JsonMapper mapper = ScaiVaultJson.mapper();

	@Test
	void secretWhenReadStreamingThenEqualsTheDataBindingResult() {
		assertSameAsDataBinding(SECRET);
		Secret secret = StreamingJson.read(bytes(SECRET), SecretJson::secret);
		assertThat(secret.data()).containsEntry("port", 5432).containsEntry("big", 12345678901L);
		assertThat(secret.secretType()).isEqualTo(SecretType.PASSWORD);
		assertThat(secret.metadata().tags()).containsExactly("db", "prod");
	}

	@Test
	void secretWhenFieldsAreMissingOrNullThenEqualsTheDataBindingResult() {
		assertSameAsDataBinding("{\"version\": 1}");
		assertSameAsDataBinding("{\"path\": null, \"version\": 1, \"data\": null, \"secret_type\": null,"
				+ " \"metadata\": null, \"created_at\": null, \"updated_at\": \"\"}");
	}

	@Test
	void secretWhenTypeIsUnknownThenReadsUnknown() {
		String json = "{\"path\": \"a\", \"version\": \"2\", \"secret_type\": \"quantum_key\", \"data\": {}}";
		assertSameAsDataBinding(json);
		assertThat(StreamingJson.read(bytes(json), SecretJson::secret).secretType()).isEqualTo(SecretType.UNKNOWN);
	}

	@Test
	void secretWhenTimesAreEpochSecondsThenEqualsTheDataBindingResult() {
		assertSameAsDataBinding("{\"version\": 1, \"created_at\": 1764670530, \"updated_at\": 1764670530.5}");
	}

	@Test
	void secretWhenTimesHaveAnyPrecisionOrAnOffsetThenEqualsTheDataBindingResult() {
		for (String time : new String[] { "2026-12-01T10:15:30Z", "2026-12-01T10:15:30.1Z", "2026-12-01T10:15:30.123Z",
				"2026-12-01T10:15:30.123456789Z", "1999-02-28T23:59:59.5Z", "2024-02-29T00:00:00Z",
				"2026-12-01T10:15:30+02:00", "2026-12-01T10:15:30.25-05:30" }) {
			assertSameAsDataBinding("{\"version\": 1, \"created_at\": \"" + time + "\"}");
		}
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> StreamingJson
			.read(bytes("{\"version\": 1, \"created_at\": \"2026-02-30T10:15:30Z\"}"), SecretJson::secret));
	}

	@Test
	void batchWhenReadStreamingThenEqualsTheDataBindingResult() {
		String json = "{\"secrets\": {\"app/db\": " + SECRET + ", \"app/other\": {\"version\": 1, \"data\": {\"k\": \"v\"}}},"
				+ " \"errors\": {\"app/missing\": {\"code\": \"not_found\", \"message\": \"Secret not found\","
				+ " \"details\": {\"path\": \"app/missing\"}, \"request_id\": \"req-1\"},"
				+ " \"app/denied\": {\"code\": \"access_denied\", \"message\": \"no\"}}, \"extra\": 1}";
		BatchResult streamed = StreamingJson.read(bytes(json), SecretJson::batch);
		assertThat(streamed).isEqualTo(this.mapper.readValue(json, BatchResult.class));
		assertThat(streamed.secrets()).containsOnlyKeys("app/db", "app/other");
		assertThat(streamed.errors().get("app/missing").requestId()).isEqualTo("req-1");
	}

	@Test
	void batchWhenEmptyThenEqualsTheDataBindingResult() {
		String json = "{\"secrets\": {}, \"errors\": {}}";
		assertThat(StreamingJson.read(bytes(json), SecretJson::batch))
			.isEqualTo(this.mapper.readValue(json, BatchResult.class));
	}

	@Test
	void secretWhenVersionIsMissingOrNullThenFailsAsDataBindingDoes() {
		for (String json : new String[] { "{}", "{\"version\": null}" }) {
			assertThatExceptionOfType(JacksonException.class)
				.isThrownBy(() -> StreamingJson.read(bytes(json), SecretJson::secret));
			assertThatExceptionOfType(JacksonException.class)
				.isThrownBy(() -> this.mapper.readValue(json, Secret.class));
		}
	}

	@Test
	void secretWhenDataIsNotAnObjectThenFails() {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> StreamingJson.read(bytes("{\"version\": 1, \"data\": [1]}"), SecretJson::secret));
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> StreamingJson.read(bytes("{\"version\": \"three\"}"), SecretJson::secret));
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> StreamingJson.read(bytes("{\"version\": 1, \"created_at\": \"yesterday\"}"), SecretJson::secret));
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> StreamingJson.read(bytes("{\"data\": {\"a\": "), SecretJson::secret));
	}

	@Test
	void batchBodyWhenWrittenStreamingThenEqualsTheDataBindingResult() {
		SecretBodies.Batch body = new SecretBodies.Batch(java.util.List.of("a/b", "c\"d", "e\\u00e9"));
		assertThat(new String(StreamingJson.write(body), StandardCharsets.UTF_8))
			.isEqualTo(this.mapper.writeValueAsString(body));
	}

	private void assertSameAsDataBinding(String json) {
		Secret streamed = StreamingJson.read(bytes(json), SecretJson::secret);
		Secret bound = this.mapper.readValue(json, Secret.class);
		assertThat(streamed).isEqualTo(bound);
		assertThat(streamed.data()).isEqualTo(bound.data());
		assertThat(streamed.metadata()).isEqualTo(bound.metadata());
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
