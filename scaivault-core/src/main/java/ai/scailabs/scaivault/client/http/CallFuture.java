package ai.scailabs.scaivault.client.http;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The future of one call, whose dependent stages ({@code thenApply}, {@code thenCompose}, ...) pass
 * a cancellation back to it: cancelling the future a resource group returned cancels the call, so
 * that the transport stops its pending retry.
 *
 * @param <T> the value type
 */
final class CallFuture<T> extends CompletableFuture<T> {

	private final @Nullable CompletableFuture<?> source;

	CallFuture() {
		this.source = null;
	}

	private CallFuture(CompletableFuture<?> source) {
		this.source = source;
	}

	@Override
	public <U> CompletableFuture<U> newIncompleteFuture() {
		return new CallFuture<>(this);
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		boolean cancelled = super.cancel(mayInterruptIfRunning);
		if (cancelled && this.source != null) {
			this.source.cancel(mayInterruptIfRunning);
		}
		return cancelled;
	}

}
