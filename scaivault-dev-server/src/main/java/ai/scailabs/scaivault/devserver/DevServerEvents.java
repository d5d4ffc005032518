package ai.scailabs.scaivault.devserver;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.scailabs.scaivault.devserver.events.Event;
import ai.scailabs.scaivault.devserver.events.EventSink;

/**
 * The {@link EventSink} features publish to: it hands every event to each subscribed sink (the
 * events feature's delivery, test listeners). A failing sink does not stop the others.
 */
public final class DevServerEvents implements EventSink {

	private static final System.Logger logger = System.getLogger(DevServerEvents.class.getName());

	private final List<EventSink> sinks = new CopyOnWriteArrayList<>();

	/**
	 * @param sink a sink that receives every event published from now on
	 */
	public void subscribe(EventSink sink) {
		this.sinks.add(sink);
	}

	/**
	 * @param sink a sink to stop sending events to
	 */
	public void unsubscribe(EventSink sink) {
		this.sinks.remove(sink);
	}

	@Override
	public void publish(Event event) {
		for (EventSink sink : this.sinks) {
			try {
				sink.publish(event);
			}
			catch (RuntimeException ex) {
				logger.log(System.Logger.Level.WARNING,
						"Dev server event sink failed for " + event.type() + " on " + event.path(), ex);
			}
		}
	}

}
