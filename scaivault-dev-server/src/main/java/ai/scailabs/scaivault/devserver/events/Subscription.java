package ai.scailabs.scaivault.devserver.events;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription. {@link #toString()} never shows the signing secret.
 *
 * @param id the id, such as {@code sub_...}
 * @param name the name
 * @param paths the path globs it listens to
 * @param events the event types it listens to
 * @param url where events are posted
 * @param secret the key of the {@code X-ScaiVault-Signature} HMAC
 * @param createdAt when it was created
 */
public record Subscription(String id, String name, List<PathGlob> paths, List<String> events, URI url, String secret,
		Instant createdAt) {

	public Subscription {
		paths = List.copyOf(paths);
		events = List.copyOf(events);
	}

	/**
	 * @param type an event type
	 * @param path the event's path
	 * @return whether this subscription wants the event
	 */
	public boolean matches(String type, String path) {
		if (!this.events.contains(type)) {
			return false;
		}
		for (PathGlob glob : this.paths) {
			if (glob.matches(path)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return "Subscription[id=" + this.id + ", name=" + this.name + ", paths=" + this.paths.stream().map(PathGlob::pattern).toList()
				+ ", events=" + this.events + ", url=" + this.url + "]";
	}

}
