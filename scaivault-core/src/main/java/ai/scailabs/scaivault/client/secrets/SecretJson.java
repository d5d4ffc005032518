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
		StreamingJson.expect(parser, JsonToken.START_OBJECT, "a secret");
		String path = null;
		int version = -1;
		Map<String, @Nullable Object> data = null;
		SecretType secretType = null;
		SecretMetadata metadata = null;
		Instant createdAt = null;
		Instant updatedAt = null;
		String name;
		while ((name = StreamingJson.nextField(parser)) != null) {
			switch (name) {
				case "path" -> path = StreamingJson.readString(parser);
				case "version" -> version = StreamingJson.readInt(parser);
				case "data" -> data = StreamingJson.readObject(parser);
				case "secret_type" -> {
					String type = StreamingJson.readString(parser);
					secretType = (type != null) ? SecretType.fromWire(type) : null;
				}
				case "metadata" -> metadata = SecretMetadata.fromJson(StreamingJson.readObject(parser));
				case "created_at" -> createdAt = StreamingJson.readInstant(parser);
				case "updated_at" -> updatedAt = StreamingJson.readInstant(parser);
				default -> parser.skipChildren();
			}
		}
		if (version < 0) {
			throw new StreamReadException(parser, "The secret has no version");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> values = (Map<String, Object>) (Map<String, ?>) data;
		return new Secret(path, version, values, secretType, metadata, createdAt, updatedAt);
	}

	/**
	 * Read a batch answer: {@code {"secrets": {path: secret}, "errors": {path: error}}}.
	 * @param parser the parser, on the answer's {@code START_OBJECT}
	 * @return the batch result
	 * @throws JacksonException when the answer is not a batch result
	 */
	static BatchResult batch(JsonParser parser) throws JacksonException {
		StreamingJson.expect(parser, JsonToken.START_OBJECT, "a batch answer");
		Map<String, Secret> secrets = new LinkedHashMap<>();
		Map<String, ApiError> errors = new LinkedHashMap<>();
		String name;
		while ((name = StreamingJson.nextField(parser)) != null) {
			boolean isSecrets = name.equals("secrets");
			if ((!isSecrets && !name.equals("errors")) || parser.currentToken() == JsonToken.VALUE_NULL) {
				parser.skipChildren();
				continue;
			}
			StreamingJson.expect(parser, JsonToken.START_OBJECT, "an object of " + name + " by path");
			String path;
			while ((path = StreamingJson.nextField(parser)) != null) {
				if (parser.currentToken() != JsonToken.START_OBJECT) {
					throw new StreamReadException(parser, "Expected an object for '" + path + "'");
				}
				if (isSecrets) {
					secrets.put(path, secret(parser));
				}
				else {
					errors.put(path, error(parser));
				}
			}
		}
		return new BatchResult(secrets, errors);
	}

	private static ApiError error(JsonParser parser) throws JacksonException {
		String code = null;
		String message = null;
		String requestId = null;
		Map<String, Object> details = new LinkedHashMap<>();
		String name;
		while ((name = StreamingJson.nextField(parser)) != null) {
			switch (name) {
				case "code" -> code = StreamingJson.readString(parser);
				case "message" -> message = StreamingJson.readString(parser);
				case "request_id" -> requestId = StreamingJson.readString(parser);
				case "details" -> {
					Map<String, @Nullable Object> read = StreamingJson.readObject(parser);
					if (read != null) {
						for (Map.Entry<String, @Nullable Object> entry : read.entrySet()) {
							if (entry.getValue() != null) {
								details.put(entry.getKey(), entry.getValue());
							}
						}
					}
				}
				default -> parser.skipChildren();
			}
		}
		return new ApiError(code, message, details, requestId);
	}

}
