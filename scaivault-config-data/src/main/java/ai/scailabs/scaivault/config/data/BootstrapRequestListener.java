package ai.scailabs.scaivault.config.data;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.RequestListener;

/**
 * The request listener of the client built at bootstrap, before any listener bean exists. It
 * forwards to the application's {@link RequestListener} beans once the context has created them (see
 * {@link RequestListenerBinder}), so that metrics and tracing also observe the promoted client.
 * Not a bean itself, so it never forwards to itself.
 *
 * @author ScaiLabs
 */
final class BootstrapRequestListener implements RequestListener {

	private volatile List<RequestListener> delegates = List.of();

	void setDelegates(List<RequestListener> delegates) {
		this.delegates = List.copyOf(delegates);
	}

	List<RequestListener> getDelegates() {
		return this.delegates;
	}

	@Override
	public void onStart(String operation, String method) {
		forEach((listener) -> listener.onStart(operation, method));
	}

	@Override
	public void onRetry(String operation, int attempt, String cause, Duration delay) {
		forEach((listener) -> listener.onRetry(operation, attempt, cause, delay));
	}

	@Override
	public void onEnd(String operation, int statusCode, @Nullable String errorCode, int attempts, Duration duration) {
		forEach((listener) -> listener.onEnd(operation, statusCode, errorCode, attempts, duration));
	}

	private void forEach(Consumer<RequestListener> action) {
		for (RequestListener listener : this.delegates) {
			try {
				action.accept(listener);
			}
			catch (RuntimeException ex) {
				// a failing listener must not stop the others (nor the request)
			}
		}
	}

}
