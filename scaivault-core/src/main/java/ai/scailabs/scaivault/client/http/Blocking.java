package ai.scailabs.scaivault.client.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import ai.scailabs.scaivault.client.ScaiVaultException;

/**
 * Waits for a future on behalf of the blocking client and rethrows its {@link ScaiVaultException}
 * as it is, without the {@code CompletionException} wrapper. The exception is never changed: one
 * failed future (a shared token request, say) may be joined by several callers at once. The
 * blocking client's own calls complete on the caller's thread, so their exceptions already carry
 * the caller's stack.
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
		if (cause instanceof RuntimeException runtimeException) {
			return runtimeException;
		}
		return new ScaiVaultException("client_error", "ScaiVault call failed: " + cause.getClass().getName(),
				java.util.Map.of(), null, 0, cause);
	}

}
