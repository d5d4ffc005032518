package ai.scailabs.scaivault.devserver.dynamic;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.scailabs.scaivault.devserver.events.Event;
import ai.scailabs.scaivault.devserver.events.EventSink;

/**
 * An {@link EventSink} that keeps what is published.
 */
final class RecordingEvents implements EventSink {

	private final List<Event> events = new CopyOnWriteArrayList<>();

	@Override
	public void publish(Event event) {
		this.events.add(event);
	}

	List<Event> all() {
		return List.copyOf(this.events);
	}

	List<Event> ofType(String type) {
		return this.events.stream().filter((event) -> event.type().equals(type)).toList();
	}

}
