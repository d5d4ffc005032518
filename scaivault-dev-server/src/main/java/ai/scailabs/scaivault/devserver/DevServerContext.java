package ai.scailabs.scaivault.devserver;

import java.security.SecureRandom;
import java.util.Deque;

import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.devserver.audit.AuditLog;
import ai.scailabs.scaivault.devserver.policy.AccessControl;
import ai.scailabs.scaivault.devserver.time.DevClock;

/**
 * What the server hands to every feature.
 *
 * @param clock the dev clock (register time-driven work with {@link DevClock#onTick})
 * @param json the JSON mapper (snake_case for records; the same one writes responses)
 * @param accessControl authorization of every action, with its audit entry
 * @param events where to publish events; the events feature subscribes to it
 * @param audit the audit trail (normally written through {@code accessControl})
 * @param random a secure random for ids, tokens and generated values
 * @param baseUrl the server's base URL, such as {@code http://127.0.0.1:8200}
 * @param closeables what to close when the server closes, newest first (use {@link #onClose})
 */
public record DevServerContext(DevClock clock, JsonMapper json, AccessControl accessControl, DevServerEvents events,
		AuditLog audit, SecureRandom random, String baseUrl, Deque<AutoCloseable> closeables) {

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	/**
	 * A new random id such as {@code pol_k3j9x0q2m1ab}.
	 * @param prefix the prefix without underscore, such as {@code pol}
	 * @return the id
	 */
	public String newId(String prefix) {
		StringBuilder id = new StringBuilder(prefix.length() + 17).append(prefix).append('_');
		for (int i = 0; i < 16; i++) {
			id.append(ALPHABET[this.random.nextInt(ALPHABET.length)]);
		}
		return id.toString();
	}

	/**
	 * Close a resource (an executor, a connection pool) when the server closes.
	 * @param closeable the resource
	 */
	public void onClose(AutoCloseable closeable) {
		this.closeables.addFirst(closeable);
	}

}
