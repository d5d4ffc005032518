package ai.scailabs.scaivault.jdbc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Hands {@link LeaseEvent}s to listeners, one after the other in the thread that produced them. A
 * listener that throws is logged and does not keep the others, or the lease manager, from going on.
 */
public final class LeaseEventPublisher {

	private static final System.Logger logger = System.getLogger(LeaseEventPublisher.class.getName());

	private final List<Consumer<? super LeaseEvent>> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Add a listener.
	 * @param listener called with every event from now on
	 */
	public void addListener(Consumer<? super LeaseEvent> listener) {
		this.listeners.add(listener);
	}

	/**
	 * Publish an event to every listener.
	 * @param event the event
	 */
	public void publish(LeaseEvent event) {
		logger.log((event instanceof LeaseEvent.Failed || event instanceof LeaseEvent.Expired)
				? System.Logger.Level.WARNING : System.Logger.Level.DEBUG, () -> String.valueOf(event));
		for (Consumer<? super LeaseEvent> listener : this.listeners) {
			try {
				listener.accept(event);
			}
			catch (RuntimeException ex) {
				logger.log(System.Logger.Level.WARNING, "Lease event listener failed on " + event, ex);
			}
		}
	}

}
