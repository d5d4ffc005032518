package ai.scailabs.scaivault.client.http;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON on Jackson's streaming layer alone ({@code jackson-core}): reading answers with a
 * {@link JsonStreamReader} and writing {@link JsonWritable} bodies. It reads values the way the
 * client's {@link ScaiVaultJson data-binding mapper} does (objects as {@link LinkedHashMap},
 * arrays as {@link ArrayList}, integers as the smallest of {@code Integer}, {@code Long} and
 * {@code BigInteger}, other numbers as {@code Double}, ISO-8601 text or epoch seconds as
 * {@link Instant}), so the two give the same objects for the same answer.
 */
public final class StreamingJson {

	private static final JsonFactory factory = new JsonFactory();

	private StreamingJson() {
	}

	/**
	 * Read a whole answer.
	 * @param <T> the answer type
	 * @param body the answer's bytes
	 * @param reader the reader of the top-level value
	 * @return the value, or {@code null} when the answer is empty or a JSON {@code null}
	 * @throws JacksonException when the answer is not JSON of the expected shape
	 */
	public static <T> @Nullable T read(byte[] body, JsonStreamReader<T> reader) throws JacksonException {
		try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), body)) {
			JsonToken token = parser.nextToken();
			if (token == null || token == JsonToken.VALUE_NULL) {
				return null;
			}
			return reader.read(parser);
		}
	}

	/**
	 * Write a body as JSON.
	 * @param body the body
	 * @return the UTF-8 bytes
	 * @throws JacksonException when writing fails
	 */
	public static byte[] write(JsonWritable body) throws JacksonException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (JsonGenerator generator = factory.createGenerator(ObjectWriteContext.empty(), out)) {
			body.writeJson(generator);
		}
		return out.toByteArray();
	}

	/**
	 * Move to the next field of the object being read and onto its value.
	 * @param parser the parser, on {@code START_OBJECT} or on the last token of the previous
	 * field's value
	 * @return the field's name, or {@code null} at the end of the object
	 * @throws JacksonException when the JSON is malformed
	 */
	public static @Nullable String nextField(JsonParser parser) throws JacksonException {
		String name = parser.nextName();
		if (name != null) {
			parser.nextToken();
		}
		return name;
	}

	/**
	 * Read any JSON value as the data-binding mapper reads it into {@code Object}.
	 * @param parser the parser, on the value's first token
	 * @return the value
	 * @throws JacksonException when the JSON is malformed
	 */
	public static @Nullable Object readValue(JsonParser parser) throws JacksonException {
		JsonToken token = parser.currentToken();
		if (token == null) {
			throw new StreamReadException(parser, "Unexpected end of the answer");
		}
		switch (token) {
			case START_OBJECT:
				return readObject(parser);
			case START_ARRAY:
				List<@Nullable Object> list = new ArrayList<>();
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					list.add(readValue(parser));
				}
				return list;
			case VALUE_STRING:
				return parser.getString();
			case VALUE_NUMBER_INT:
			case VALUE_NUMBER_FLOAT:
				return parser.getNumberValue();
			case VALUE_TRUE:
				return Boolean.TRUE;
			case VALUE_FALSE:
				return Boolean.FALSE;
			case VALUE_NULL:
				return null;
			default:
				throw new StreamReadException(parser, "Unexpected token " + token);
		}
	}

	/**
	 * Read a JSON object as a map, its values as {@link #readValue(JsonParser)} reads them.
	 * @param parser the parser, on {@code START_OBJECT} or {@code VALUE_NULL}
	 * @return the map, or {@code null} for a JSON {@code null}
	 * @throws JacksonException when the value is not an object
	 */
	public static @Nullable Map<String, @Nullable Object> readObject(JsonParser parser) throws JacksonException {
		if (parser.currentToken() == JsonToken.VALUE_NULL) {
			return null;
		}
		expect(parser, JsonToken.START_OBJECT, "an object");
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		String name;
		while ((name = nextField(parser)) != null) {
			map.put(name, readValue(parser));
		}
		return map;
	}

	/**
	 * Read a string.
	 * @param parser the parser, on the value
	 * @return the text, or {@code null} for a JSON {@code null}
	 * @throws JacksonException when the value is an object or an array
	 */
	public static @Nullable String readString(JsonParser parser) throws JacksonException {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token != null && token.isScalarValue()) {
			return parser.getString();
		}
		throw new StreamReadException(parser, "Expected a string at '" + parser.currentName() + "'");
	}

	/**
	 * Read an {@code int}: a number, or a string holding one (a {@code null} fails, as it does for
	 * the data-binding mapper's primitives).
	 * @param parser the parser, on the value
	 * @return the number
	 * @throws JacksonException when the value is not an integer
	 */
	public static int readInt(JsonParser parser) throws JacksonException {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NUMBER_INT) {
			return parser.getIntValue();
		}
		if (token == JsonToken.VALUE_STRING) {
			try {
				return Integer.parseInt(parser.getString().trim());
			}
			catch (NumberFormatException ex) {
				// fall through
			}
		}
		throw new StreamReadException(parser, "Expected an integer at '" + parser.currentName() + "'");
	}

	/**
	 * Read an instant: ISO-8601 text (with an offset or {@code Z}) or epoch seconds, possibly with
	 * a fraction; {@code null} and empty text read as {@code null}.
	 * @param parser the parser, on the value
	 * @return the instant or {@code null}
	 * @throws JacksonException when the value is not an instant
	 */
	public static @Nullable Instant readInstant(JsonParser parser) throws JacksonException {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token == JsonToken.VALUE_STRING) {
			String text = parser.getString().trim();
			if (text.isEmpty()) {
				return null;
			}
			Instant utc = parseUtc(text);
			if (utc != null) {
				return utc;
			}
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw new StreamReadException(parser, "Expected an ISO-8601 instant at '" + parser.currentName() + "'");
			}
		}
		if (token == JsonToken.VALUE_NUMBER_INT) {
			return Instant.ofEpochSecond(parser.getLongValue());
		}
		if (token == JsonToken.VALUE_NUMBER_FLOAT) {
			java.math.BigDecimal seconds = parser.getDecimalValue();
			long whole = seconds.longValue();
			int nanos = seconds.subtract(java.math.BigDecimal.valueOf(whole)).movePointRight(9).intValue();
			return Instant.ofEpochSecond(whole, nanos);
		}
		throw new StreamReadException(parser, "Expected an instant at '" + parser.currentName() + "'");
	}

	/**
	 * Parse the form the service writes, {@code 2026-12-02T05:00:00.123456Z}, without
	 * {@link java.time.format.DateTimeFormatter}, which allocates a few kilobytes per value; any
	 * other form returns {@code null} and is left to {@link Instant#parse}.
	 */
	static @Nullable Instant parseUtc(String text) {
		int length = text.length();
		if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
				|| text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int nanos = 0;
		if (length > 20) {
			int fraction = length - 21;
			if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
				return null;
			}
			nanos = digits(text, 20, length - 1);
			for (int i = fraction; i < 9 && nanos >= 0; i++) {
				nanos *= 10;
			}
		}
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
				|| minute > 59 || second < 0 || second > 59 || nanos < 0) {
			return null;
		}
		try {
			long days = java.time.LocalDate.of(year, month, day).toEpochDay();
			return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/**
	 * Fail unless the parser is on the given token.
	 * @param parser the parser
	 * @param token the expected token
	 * @param what what was expected, for the message
	 * @throws JacksonException when the parser is on another token
	 */
	public static void expect(JsonParser parser, JsonToken token, String what) throws JacksonException {
		if (parser.currentToken() != token) {
			throw new StreamReadException(parser, "Expected " + what + ", got " + parser.currentToken());
		}
	}

}
