package ai.scailabs.scaivault.client.secrets;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;

import ai.scailabs.scaivault.client.ApiError;
import ai.scailabs.scaivault.client.http.StreamingJson;

/**
 * Reads the secret answers ({@code GET /v1/secrets/{path}}, {@code POST /v1/secrets/batch}) with
 * Jackson's streaming parser, into the same records the data-binding mapper would give: a read
 * and the start-up import then cost one pass over the bytes, and an application whose only
 * ScaiVault calls are these never loads Jackson databind. Unknown fields are skipped.
 */
final class SecretJson {

	private SecretJson() {
	}

	/**
	 * Read a secret.
	 * @param parser the parser, on the secret's {@code START_OBJECT}
	 * @return the secret
	 * @throws JacksonException when the answer is not a secret
	 */
	static Secret secret(JsonParser parser) throws JacksonException {
		String[] path = new String[1];
		int[] version = { -1 };
		Object[] values = new Object[5];
		StreamingJson.readFields(parser, (name) -> {
			switch (name) {
				case "path" -> path[0] = StreamingJson.readString(parser);
				case "version" -> version[0] = StreamingJson.readInt(parser);
				case "data" -> values[0] = StreamingJson.readObject(parser);
				case "secret_type" -> {
					String type = StreamingJson.readString(parser);
					values[1] = (type != null) ? SecretType.fromWire(type) : null;
				}
				case "metadata" -> values[2] = SecretMetadata.fromJson(StreamingJson.readObject(parser));
				case "created_at" -> values[3] = StreamingJson.readInstant(parser);
				case "updated_at" -> values[4] = StreamingJson.readInstant(parser);
				default -> parser.skipChildren();
			}
		});
		if (version[0] < 0) {
			throw new StreamReadException(parser, "The secret has no version");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> data = (Map<String, Object>) values[0];
		return new Secret(path[0], version[0], data, (SecretType) values[1], (SecretMetadata) values[2],
				(Instant) values[3], (Instant) values[4]);
	}

	/**
	 * Read a batch answer: {@code {"secrets": {path: secret}, "errors": {path: error}}}.
	 * @param parser the parser, on the answer's {@code START_OBJECT}
	 * @return the batch result
	 * @throws JacksonException when the answer is not a batch result
	 */
	static BatchResult batch(JsonParser parser) throws JacksonException {
		Map<String, Secret> secrets = new LinkedHashMap<>();
		Map<String, ApiError> errors = new LinkedHashMap<>();
		StreamingJson.readFields(parser, (name) -> {
			switch (name) {
				case "secrets" -> readEntries(parser, (path) -> secrets.put(path, secret(parser)));
				case "errors" -> readEntries(parser, (path) -> errors.put(path, error(parser)));
				default -> parser.skipChildren();
			}
		});
		return new BatchResult(secrets, errors);
	}

	private static void readEntries(JsonParser parser, StreamingJson.FieldHandler entry) throws JacksonException {
		if (parser.currentToken() == JsonToken.VALUE_NULL) {
			return;
		}
		StreamingJson.readFields(parser, (key) -> {
			if (parser.currentToken() != JsonToken.START_OBJECT) {
				throw new StreamReadException(parser, "Expected an object for '" + key + "'");
			}
			entry.field(key);
		});
	}

	private static ApiError error(JsonParser parser) throws JacksonException {
		String[] text = new String[3];
		Map<String, Object> details = new LinkedHashMap<>();
		StreamingJson.readFields(parser, (name) -> {
			switch (name) {
				case "code" -> text[0] = StreamingJson.readString(parser);
				case "message" -> text[1] = StreamingJson.readString(parser);
				case "request_id" -> text[2] = StreamingJson.readString(parser);
				case "details" -> {
					Map<String, @Nullable Object> read = StreamingJson.readObject(parser);
					if (read != null) {
						read.forEach((key, value) -> {
							if (value != null) {
								details.put(key, value);
							}
						});
					}
				}
				default -> parser.skipChildren();
			}
		});
		return new ApiError(text[0], text[1], details, text[2]);
	}

}
