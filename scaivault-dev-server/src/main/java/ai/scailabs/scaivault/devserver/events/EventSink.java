package ai.scailabs.scaivault.devserver.events;

/**
 * Where features publish {@link Event}s; the events feature stamps them with an id and
 * {@code occurred_at} and delivers them to subscriptions. Publishing never blocks on delivery.
 */
@FunctionalInterface
public interface EventSink {

	void publish(Event event);

}
