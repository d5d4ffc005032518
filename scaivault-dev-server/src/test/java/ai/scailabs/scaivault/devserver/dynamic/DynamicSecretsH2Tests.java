package ai.scailabs.scaivault.devserver.dynamic;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ErrorCode;
import ai.scailabs.scaivault.devserver.time.DevClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link DynamicSecrets} with the zero set-up in-memory H2 engine.
 */
class DynamicSecretsH2Tests {

	private final DevClock clock = new DevClock();

	private final RecordingEvents events = new RecordingEvents();

	private DynamicSecrets dynamic;

	@BeforeEach
	void setUp() {
		this.dynamic = new DynamicSecrets(this.clock, this.events);
		this.dynamic.configureEngine(new EngineRequest("samples", "h2", null, null, null, true));
		this.dynamic.configureRole("samples", new RoleRequest("readonly", null, null, null, null));
	}

	@AfterEach
	void tearDown() {
		this.dynamic.close();
	}

	@Test
	void engineWithoutUrlHandsOutTcpUrlOfItsOwnDatabase() {
		Engine engine = this.dynamic.engine("samples");
		assertThat(engine.credentialsUrl()).matches("jdbc:h2:tcp://127\\.0\\.0\\.1:\\d+/mem:scaivault-samples-[a-z0-9]{8}");
		assertThat(engine.username()).isEqualTo("sa");
		assertThat(engine.toString()).doesNotContain(engine.password());
	}

	@Test
	void generateCreatesUserThatCanLogInOverTcpAndQuery() throws SQLException {
		Credentials credentials = this.dynamic.generate("samples", "readonly", null);
		try (Connection connection = Databases.open(credentials.lease().engine().credentialsUrl(),
				credentials.lease().username(), credentials.password());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT CURRENT_USER")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo(credentials.lease().username());
		}
		assertThat(credentials.lease().expiresAt())
			.isEqualTo(credentials.lease().issuedAt().plus(DynamicSecrets.DEFAULT_TTL));
	}

	@Test
	void revokeEndsSessionsAndDropsUser() throws SQLException {
		Credentials credentials = this.dynamic.generate("samples", "readonly", null);
		String url = credentials.lease().engine().credentialsUrl();
		try (Connection session = Databases.open(url, credentials.lease().username(), credentials.password())) {
			this.dynamic.revoke(credentials.lease().id());
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> session.createStatement().execute("SELECT 1"));
		}
		assertThat(Databases.loginFailure(url, credentials.lease().username(), credentials.password()))
			.contains("Wrong user name or password");
		assertThat(DatabaseAccounts.of(credentials.lease().engine()).exists(credentials.lease().username())).isFalse();
	}

	@Test
	void expiryDropsUser() {
		Credentials credentials = this.dynamic.generate("samples", "readonly", Duration.ofMinutes(5));
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.dynamic.leases()).isEmpty();
		this.dynamic.awaitIdle();
		assertThat(DatabaseAccounts.of(credentials.lease().engine()).exists(credentials.lease().username())).isFalse();
		assertThat(Databases.loginFailure(credentials.lease().engine().credentialsUrl(),
				credentials.lease().username(), credentials.password()))
			.isNotNull();
		assertThat(this.events.ofType("lease.revoked")).singleElement()
			.satisfies((event) -> assertThat(event.data()).containsEntry("reason", "expired"));
	}

	@Test
	void concurrentGenerationsAreAllDroppedOnClose() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(8);
		List<Credentials> issued = new ArrayList<>();
		try {
			List<Future<Credentials>> futures = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				futures.add(executor.submit(() -> this.dynamic.generate("samples", "readonly", null)));
			}
			for (Future<Credentials> future : futures) {
				issued.add(future.get(2, TimeUnit.MINUTES));
			}
		}
		finally {
			executor.shutdown();
		}
		assertThat(this.dynamic.leases()).hasSize(16);
		Engine engine = this.dynamic.engine("samples");
		for (Credentials credentials : issued.subList(0, 8)) {
			this.dynamic.revoke(credentials.lease().id());
		}
		for (Credentials credentials : issued) {
			boolean revoked = issued.indexOf(credentials) < 8;
			assertThat(DatabaseAccounts.of(engine).exists(credentials.lease().username())).isEqualTo(!revoked);
		}
	}

	@Test
	void configureAgainKeepsTheSameDatabase() {
		String url = this.dynamic.engine("samples").credentialsUrl();
		this.dynamic.configureEngine(new EngineRequest("samples", "h2", null, null, null, true));
		assertThat(this.dynamic.engine("samples").credentialsUrl()).isEqualTo(url);
	}

	@Test
	void closeShutsTheDatabaseDown() {
		Credentials credentials = this.dynamic.generate("samples", "readonly", null);
		Engine engine = credentials.lease().engine();
		this.dynamic.close();
		assertThat(Databases.loginFailure(engine.credentialsUrl(), engine.username(), engine.password()))
			.isNotNull();
	}

	@Test
	void configureRoleWhenMaxTtlIsTooLongThrowsValidationErrorNamingTheField() {
		for (Duration huge : List.of(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofDays(365L * 9000))) {
			assertThatExceptionOfType(ApiException.class)
				.isThrownBy(() -> this.dynamic.configureRole("samples", new RoleRequest("forever", null, null, null, huge)))
				.satisfies((ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
					assertThat(ex.details()).containsEntry("field", "max_ttl");
					assertThat(ex.getMessage()).contains("max_ttl").contains("too long");
				});
		}
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.dynamic.role("samples", "forever"));
	}

	@Test
	void renewWithHugeIncrementIsCappedAtMaxTtl() {
		Credentials credentials = this.dynamic.generate("samples", "readonly", null);
		Renewal renewal = this.dynamic.renew(credentials.lease().id(), Duration.ofSeconds(Long.MAX_VALUE));
		assertThat(renewal.lease().expiresAt()).isEqualTo(credentials.lease().maxExpiresAt());
		assertThat(renewal.lease().renewable()).isFalse();
	}

	@Test
	void generateWhenRoleIsUnknownThrowsNotFound() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.dynamic.generate("samples", "nope", null))
			.withMessageContaining("No role 'nope' on dynamic engine 'samples'");
	}

}
