package ai.scailabs.scaivault.client.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Futures}.
 */
class FuturesTests {

	@Test
	void checkedTurnsAThrownExceptionIntoAFailedFuture() {
		ValidationException invalid = new ValidationException("validation_error", "bad", Map.of(), null, 0);
		CompletableFuture<String> future = Futures.checked(() -> {
			throw invalid;
		});
		assertThat(future).isCompletedExceptionally();
		assertThat(future.handle((value, failure) -> Futures.unwrap(failure)).orTimeout(1, TimeUnit.MINUTES).join()).isSameAs(invalid);
	}

	@Test
	void checkedReturnsTheFutureOfTheCall() {
		assertThat(Futures.checked(() -> CompletableFuture.completedFuture("ok")).orTimeout(1, TimeUnit.MINUTES).join()).isEqualTo("ok");
	}

	@Test
	void unwrapRemovesNestedCompletionAndExecutionExceptions() {
		IllegalStateException cause = new IllegalStateException("boom");
		assertThat(Futures.unwrap(new CompletionException(new ExecutionException(cause)))).isSameAs(cause);
		assertThat(Futures.unwrap(cause)).isSameAs(cause);
	}

}
