package ai.scailabs.scaivault.jdbc;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.dynamic.DynamicRoleRequest;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link LeaseManager} alone, on the dev server's H2 engine: renewal up to the role's
 * {@code max_ttl}, the failure paths and what start-up failures say.
 */
class LeaseManagerTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final RecordingEvents events = new RecordingEvents();

	private ScaiVaultDevServer server;

	private ScaiVaultClient client;

	private LeaseManager manager;

	@BeforeEach
	void startServer() {
		this.server = ScaiVaultDevServer.builder().start();
		this.server.seed("{\"engines\": [{\"name\": \"h2\", \"type\": \"h2\"}]}");
		this.client = ScaiVaultClient.builder()
			.baseUrl(this.server.baseUrl())
			.token(this.server.rootToken())
			.maxRetries(0)
			.environment((name) -> null)
			.build();
	}

	@AfterEach
	void stopServer() {
		if (this.manager != null) {
			this.manager.close();
		}
		this.client.close();
		this.server.close();
	}

	@Test
	void renewWhenLeaseIsRenewableThenRenewsUntilMaxTtlThenRotates() {
		this.client.dynamic()
			.createRole("h2", DynamicRoleRequest.withDefaultStatements("app", Duration.ofSeconds(3), Duration.ofSeconds(7)));
		this.manager = manager("app", Duration.ofSeconds(3));
		this.manager.start();
		String first = this.manager.status().leaseId();
		assertThat(this.manager.status().renewable()).isTrue();
		LeaseEvent.Renewed renewed = this.events.await(LeaseEvent.Renewed.class, (event) -> true, WAIT);
		assertThat(renewed.leaseId()).isEqualTo(first);
		LeaseEvent.Rotated rotated = this.events.await(LeaseEvent.Rotated.class, (event) -> true, WAIT);
		assertThat(rotated.previousLeaseId()).isEqualTo(first);
		assertThat(rotated.reason()).isEqualTo("expiring");
		this.events.await(LeaseEvent.Revoked.class, (event) -> event.leaseId().equals(first), WAIT);
	}

	@Test
	void renewWhenServerIsDownThenKeepsLeaseRetriesWithBackoffAndReportsExpiring() {
		this.client.dynamic()
			.createRole("h2", DynamicRoleRequest.withDefaultStatements("app", Duration.ofSeconds(4), Duration.ofHours(1)));
		this.manager = manager("app", Duration.ofSeconds(4));
		this.manager.start();
		String lease = this.manager.status().leaseId();
		this.server.close();
		LeaseEvent.Failed failed = this.events.await(LeaseEvent.Failed.class, (event) -> event.attempt() >= 2, WAIT);
		assertThat(failed.operation()).isEqualTo("renew");
		assertThat(failed.errorCode()).isEqualTo("connection_error");
		assertThat(failed.leaseId()).isEqualTo(lease);
		assertThat(this.events.ofType(LeaseEvent.Failed.class)).extracting(LeaseEvent.Failed::retryAt)
			.isSorted();
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (this.manager.status().state() != LeaseStatus.State.EXPIRING
				&& this.manager.status().state() != LeaseStatus.State.EXPIRED && System.nanoTime() < deadline) {
			RecordingEvents.pause();
		}
		LeaseStatus status = this.manager.status();
		assertThat(status.state()).isIn(LeaseStatus.State.EXPIRING, LeaseStatus.State.EXPIRED);
		assertThat(status.leaseId()).isEqualTo(lease);
		assertThat(status.lastError()).isEqualTo("connection_error");
		assertThat(status.toString()).doesNotContainIgnoringCase("password");
	}

	@Test
	void startWhenRoleIsUnknownThenSaysWhichEngineAndRole() {
		this.manager = manager("nope", null);
		assertThatExceptionOfType(DynamicCredentialsException.class).isThrownBy(this.manager::start)
			.withMessageContaining("role 'nope'")
			.withMessageContaining("engine 'h2'")
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("not_found"));
		assertThat(this.manager.status().state()).isEqualTo(LeaseStatus.State.STARTING);
	}

	@Test
	void eventsAndStatusNeverShowThePassword() {
		this.client.dynamic().createRole("h2", DynamicRoleRequest.withDefaultStatements("app", null, null));
		this.manager = manager("app", null);
		this.manager.start();
		String password = this.manager.getCredentials().getPassword();
		this.manager.requestRotation("revoked");
		this.events.await(LeaseEvent.Revoked.class, (event) -> true, WAIT);
		assertThat(this.events.timeline()).doesNotContain(password);
		assertThat(this.manager.status().toString()).doesNotContain(password).doesNotContain(
				this.manager.getCredentials().getPassword());
		assertThat(this.manager.toString()).doesNotContain(this.manager.getCredentials().getPassword());
	}

	private LeaseManager manager(String role, Duration ttl) {
		LeaseEventPublisher publisher = new LeaseEventPublisher();
		publisher.addListener(this.events);
		return LeasedDataSource.builder(this.client)
			.engine("h2")
			.role(role)
			.ttl(ttl)
			.backoff(Duration.ofMillis(100), Duration.ofMillis(800))
			.tickInterval(Duration.ofMillis(50))
			.events(publisher)
			.buildManager();
	}

}
