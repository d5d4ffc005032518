package ai.scailabs.scaivault.client.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import ai.scailabs.scaivault.client.ScaiVaultException;

/**
 * Waits for a future on behalf of the blocking client and rethrows its {@link ScaiVaultException}
 * as it is, without the {@code CompletionException} wrapper.
 */
public final class Blocking {

	private Blocking() {
	}

	/**
	 * Wait for the future and return its value.
	 * @param <T> the value type
	 * @param future the future
	 * @return its value
	 * @throws ScaiVaultException as the future failed
	 */
	public static <T> T join(CompletableFuture<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			throw new ScaiVaultException("interrupted", "Interrupted while waiting for ScaiVault", java.util.Map.of(),
					null, 0, ex);
		}
		catch (ExecutionException ex) {
			throw unwrap(ex.getCause());
		}
		catch (CompletionException ex) {
			throw unwrap(ex.getCause());
		}
	}

	private static RuntimeException unwrap(Throwable failure) {
		Throwable cause = Futures.unwrap(failure);
		if (cause instanceof ScaiVaultException scaiVaultException) {
			// Fresh stack trace of the caller's thread, same fields and type.
			scaiVaultException.addSuppressed(new CallerStackTrace());
			return scaiVaultException;
		}
		if (cause instanceof RuntimeException runtimeException) {
			return runtimeException;
		}
		return new ScaiVaultException("client_error", "ScaiVault call failed: " + cause.getClass().getName(),
				java.util.Map.of(), null, 0, cause);
	}

	private static final class CallerStackTrace extends RuntimeException {

		private static final long serialVersionUID = 1L;

		CallerStackTrace() {
			super("Waited for in the calling thread");
		}

	}

}
