package ai.scailabs.scaivault.client.http;

import java.time.Duration;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads the contract's duration strings ({@code 90d}, {@code 1h30m}) and whole seconds into
 * {@link Duration}, for model fields annotated {@code @JsonDeserialize(using = ...)}.
 */
public final class ContractDurationDeserializer extends ValueDeserializer<Duration> {

	@Override
	public Duration deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
			return Duration.ofSeconds(parser.getLongValue());
		}
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			return Durations.parse(parser.getString());
		}
		return context.reportInputMismatch(Duration.class,
				"Expected a duration such as \"90d\" or a number of seconds, got " + parser.currentToken());
	}

}
