package ai.scailabs.scaivault.client.http;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/**
 * Reads one answer from a Jackson streaming {@link JsonParser}, without the data-binding layer:
 * for the answers read at application start-up (secrets, batch reads), where loading and setting
 * up Jackson databind would cost more than the request itself. The parser is positioned on the
 * answer's first token.
 *
 * @param <T> the answer type
 */
@FunctionalInterface
public interface JsonStreamReader<T> {

	/**
	 * Read the value that starts at the parser's current token.
	 * @param parser the parser, on the value's first token
	 * @return the value, or {@code null} for a JSON {@code null}
	 * @throws JacksonException when the JSON does not have the expected shape
	 */
	@Nullable T read(JsonParser parser) throws JacksonException;

}
