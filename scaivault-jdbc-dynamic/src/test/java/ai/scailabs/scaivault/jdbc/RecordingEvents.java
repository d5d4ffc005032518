package ai.scailabs.scaivault.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.fail;

/**
 * Records lease events and waits, with a deadline, for the ones a test expects.
 */
final class RecordingEvents implements Consumer<LeaseEvent> {

	private final List<LeaseEvent> events = new CopyOnWriteArrayList<>();

	private final List<String> timeline = new CopyOnWriteArrayList<>();

	@Override
	public void accept(LeaseEvent event) {
		this.events.add(event);
		this.timeline.add(java.time.Instant.now() + " " + event);
	}

	/** @return the events so far with the time each arrived, for failure messages */
	String timeline() {
		return String.join("\n", this.timeline);
	}

	/** @return the events so far */
	List<LeaseEvent> all() {
		return List.copyOf(this.events);
	}

	/**
	 * @param <T> the event type
	 * @param type the event type
	 * @return the events of that type so far
	 */
	<T extends LeaseEvent> List<T> ofType(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * Wait until an event of the type matches.
	 * @param <T> the event type
	 * @param type the event type
	 * @param condition the condition
	 * @param timeout the longest wait
	 * @return the first matching event
	 */
	<T extends LeaseEvent> T await(Class<T> type, Predicate<? super T> condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			for (T event : ofType(type)) {
				if (condition.test(event)) {
					return event;
				}
			}
			pause();
		}
		return fail("No matching " + type.getSimpleName() + " within " + timeout + "; events: " + all());
	}

	/**
	 * Wait until at least {@code count} events of the type were published.
	 * @param type the event type
	 * @param count how many
	 * @param timeout the longest wait
	 */
	void awaitCount(Class<? extends LeaseEvent> type, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (ofType(type).size() < count) {
			if (System.nanoTime() > deadline) {
				fail("Fewer than " + count + " " + type.getSimpleName() + " within " + timeout + "; events: " + all());
			}
			pause();
		}
	}

	static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
