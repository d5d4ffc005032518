package ai.scailabs.scaivault.client.http;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

/**
 * A request body that writes itself with a Jackson streaming {@link JsonGenerator}, so that
 * sending it needs no data binding (see {@link JsonStreamReader}).
 */
public interface JsonWritable {

	/**
	 * Write this body as one JSON value.
	 * @param generator the generator
	 * @throws JacksonException when writing fails
	 */
	void writeJson(JsonGenerator generator) throws JacksonException;

}
