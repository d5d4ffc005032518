package ai.scailabs.scaivault.boot.autoconfigure.client;

import java.time.Duration;
import java.util.List;

import ai.scailabs.scaivault.client.RequestListener;
import org.jspecify.annotations.Nullable;

/**
 * {@link RequestListener} that passes every event to several listeners, in order. A listener that
 * throws does not keep the others from being called.
 */
public final class CompositeRequestListener implements RequestListener {

	private final List<RequestListener> listeners;

	private CompositeRequestListener(List<RequestListener> listeners) {
		this.listeners = listeners;
	}

	/**
	 * Return a listener for the given listeners: {@link RequestListener#NONE} for none, the
	 * listener itself for one, a composite for more.
	 * @param listeners the listeners, in the order they are called
	 * @return a listener that calls each of them
	 */
	public static RequestListener of(List<? extends RequestListener> listeners) {
		if (listeners.isEmpty()) {
			return RequestListener.NONE;
		}
		if (listeners.size() == 1) {
			return listeners.get(0);
		}
		return new CompositeRequestListener(List.copyOf(listeners));
	}

	@Override
	public void onStart(String operation, String method) {
		for (RequestListener listener : this.listeners) {
			try {
				listener.onStart(operation, method);
			}
			catch (RuntimeException ex) {
				// ignored, as the client ignores a failing listener
			}
		}
	}

	@Override
	public void onRetry(String operation, int attempt, String cause, Duration delay) {
		for (RequestListener listener : this.listeners) {
			try {
				listener.onRetry(operation, attempt, cause, delay);
			}
			catch (RuntimeException ex) {
				// ignored, as the client ignores a failing listener
			}
		}
	}

	@Override
	public void onEnd(String operation, int statusCode, @Nullable String errorCode, int attempts,
			Duration duration) {
		for (RequestListener listener : this.listeners) {
			try {
				listener.onEnd(operation, statusCode, errorCode, attempts, duration);
			}
			catch (RuntimeException ex) {
				// ignored, as the client ignores a failing listener
			}
		}
	}

}
