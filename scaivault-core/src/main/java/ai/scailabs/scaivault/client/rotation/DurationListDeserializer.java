package ai.scailabs.scaivault.client.rotation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

import ai.scailabs.scaivault.client.http.Durations;

/**
 * Reads the contract's comma-separated duration lists ({@code "7d,1d"}), and JSON arrays of
 * durations for good measure.
 */
final class DurationListDeserializer extends ValueDeserializer<List<Duration>> {

	@Override
	public List<Duration> deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			return parse(parser.getString());
		}
		if (parser.currentToken() == JsonToken.START_ARRAY) {
			List<Duration> durations = new ArrayList<>();
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				durations.add(Durations.parse(parser.getString()));
			}
			return List.copyOf(durations);
		}
		return context.reportInputMismatch(List.class,
				"Expected a list of durations such as \"7d,1d\", got " + parser.currentToken());
	}

	static List<Duration> parse(String text) {
		if (text.isBlank()) {
			return List.of();
		}
		List<Duration> durations = new ArrayList<>();
		for (String part : text.split(",")) {
			durations.add(Durations.parse(part));
		}
		return List.copyOf(durations);
	}

}
