package ai.scailabs.scaivault.client.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Helpers for the client's {@link CompletableFuture}s.
 */
public final class Futures {

	private Futures() {
	}

	/**
	 * Call something that returns a future, turning an exception it throws (such as a validation
	 * error) into a failed future, so that async callers see every failure the same way.
	 * @param <T> the value type
	 * @param call the call
	 * @return its future, or a future failed with what it threw
	 */
	public static <T> CompletableFuture<T> checked(Supplier<CompletableFuture<T>> call) {
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Return the cause of a future's failure, without its {@link CompletionException} and
	 * {@link ExecutionException} wrappers.
	 * @param failure the failure
	 * @return the cause
	 */
	public static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
