package ai.scailabs.scaivault.devserver.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The requests the server received, newest last, so that tests can count calls (for example
 * {@code POST /v1/secrets/batch}). Keeps the newest {@value #CAPACITY} entries.
 */
public final class RequestLog {

	/** How many entries the log keeps. */
	public static final int CAPACITY = 100_000;

	private final ConcurrentLinkedDeque<LoggedRequest> entries = new ConcurrentLinkedDeque<>();

	private final AtomicInteger size = new AtomicInteger();

	/**
	 * @param request the request to record
	 */
	public void record(LoggedRequest request) {
		this.entries.addLast(request);
		if (this.size.incrementAndGet() > CAPACITY && this.entries.pollFirst() != null) {
			this.size.decrementAndGet();
		}
	}

	/** @return a snapshot of the log, oldest first */
	public List<LoggedRequest> entries() {
		return new ArrayList<>(this.entries);
	}

	/**
	 * @param method the method, or {@code null} for any
	 * @param pathPrefix the path prefix, such as {@code /v1/secrets/batch}
	 * @return how many logged requests match
	 */
	public int count(@Nullable String method, String pathPrefix) {
		int count = 0;
		for (LoggedRequest request : this.entries) {
			if ((method == null || method.equalsIgnoreCase(request.method()))
					&& request.path().startsWith(pathPrefix)) {
				count++;
			}
		}
		return count;
	}

	/** Forget every entry. */
	public void clear() {
		this.entries.clear();
		this.size.set(0);
	}

}
