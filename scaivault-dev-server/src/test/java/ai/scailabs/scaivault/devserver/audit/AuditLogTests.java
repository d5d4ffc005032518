package ai.scailabs.scaivault.devserver.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.devserver.time.DevClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link AuditLog}.
 */
class AuditLogTests {

	@Test
	void recordFromManyThreadsKeepsEntriesInIdOrder() throws Exception {
		AuditLog log = new AuditLog(new DevClock());
		int threads = 8;
		int perThread = 2_000;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				String identity = "sa:t" + t;
				futures.add(executor.submit(() -> {
					assertThat(start.await(30, TimeUnit.SECONDS)).isTrue();
					for (int i = 0; i < perThread; i++) {
						log.record(identity, "read", "app/x", "127.0.0.1", true, "req_" + i);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}
		List<String> ids = log.entries().stream().map(AuditEntry::id).toList();
		assertThat(ids).hasSize(threads * perThread).isSorted().doesNotHaveDuplicates();
	}

}
