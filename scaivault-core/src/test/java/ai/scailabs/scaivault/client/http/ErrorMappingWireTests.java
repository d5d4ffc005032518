package ai.scailabs.scaivault.client.http;

import java.time.Duration;
import java.util.Map;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.scailabs.scaivault.client.AccessDeniedException;
import ai.scailabs.scaivault.client.ConflictException;
import ai.scailabs.scaivault.client.NotFoundException;
import ai.scailabs.scaivault.client.RateLimitException;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.WireTestSupport;
import ai.scailabs.scaivault.client.WireTestSupport.RecordingDelayer;

import static ai.scailabs.scaivault.client.WireTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every error code of contract section 2 maps to its exception with all five fields.
 */
class ErrorMappingWireTests {

	private final MockWebServer server = new MockWebServer();

	private final RecordingDelayer delayer = new RecordingDelayer();

	private ScaiVaultClient client;

	@BeforeEach
	void setUp() throws Exception {
		this.server.start();
		this.client = WireTestSupport.builder(this.server, this.delayer).maxRetries(0).build();
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.server.close();
	}

	@ParameterizedTest
	@CsvSource({ "validation_error, 400, ValidationException", "authentication_required, 401, AuthenticationException",
			"token_expired, 401, AuthenticationException", "access_denied, 403, AccessDeniedException",
			"not_found, 404, NotFoundException", "conflict, 409, ConflictException",
			"rate_limited, 429, RateLimitException", "internal_error, 500, ScaiVaultException",
			"service_unavailable, 503, ScaiVaultException" })
	void errorCodeMapsToItsExceptionWithAllFields(String code, int status, String exceptionType) {
		this.server.enqueue(json(status, """
				{"error": {"code": "%s", "message": "Something about app/db/password",
				           "details": {"path": "app/db/password", "permission": "read"}, "request_id": "req_8f2c"}}
				""".formatted(code), "X-Request-Id", "req_header"));
		ScaiVaultException ex = catchThrowableOfType(ScaiVaultException.class,
				() -> this.client.secrets().read("app/db/password"));
		assertThat(ex.getClass().getSimpleName()).isEqualTo(exceptionType);
		assertThat(ex.getCode()).isEqualTo(code);
		assertThat(ex.getMessage()).isEqualTo("Something about app/db/password");
		assertThat(ex.getDetails()).isEqualTo(Map.of("path", "app/db/password", "permission", "read"));
		assertThat(ex.getRequestId()).isEqualTo("req_8f2c");
		assertThat(ex.getStatusCode()).isEqualTo(status);
	}

	@Test
	void errorWithoutRequestIdInBodyTakesItFromHeader() {
		this.server.enqueue(json(403, "{\"error\": {\"code\": \"access_denied\", \"message\": \"No\"}}",
				"X-Request-Id", "req_from_header"));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.client.secrets().read("app/db/password"))
			.satisfies((ex) -> {
				assertThat(ex.getRequestId()).isEqualTo("req_from_header");
				assertThat(ex.getDetails()).isEmpty();
			});
	}

	@Test
	void garbledErrorBodyStillYieldsExceptionWithStatusAndRequestId() {
		this.server.enqueue(new MockResponse(502, Headers.of("Content-Type", "text/html", "X-Request-Id", "req_gw"),
				"<html>Bad gateway: upstream said password=hunter2</html>"));
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(() -> this.client.secrets().read("app/db/password"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(502);
				assertThat(ex.getRequestId()).isEqualTo("req_gw");
				assertThat(ex.getCode()).isEqualTo("service_unavailable");
				assertThat(ex.getMessage()).contains("502").doesNotContain("hunter2");
			});
	}

	@Test
	void jsonErrorBodyOfAnotherShapeYieldsExceptionByStatus() {
		this.server.enqueue(json(418, "{\"oops\": true}", "X-Request-Id", "req_tea"));
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(() -> this.client.secrets().read("app/db/password"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(418);
				assertThat(ex.getCode()).isEqualTo(ScaiVaultException.UNEXPECTED_RESPONSE);
				assertThat(ex.getRequestId()).isEqualTo("req_tea");
			});
	}

	@Test
	void emptyNotFoundBodyMapsToNotFound() {
		this.server.enqueue(new MockResponse(404, Headers.of(), ""));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.client.secrets().read("app/db/password"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("not_found"));
	}

	@Test
	void rateLimitedCarriesRetryAfter() {
		this.server.enqueue(json(429, "{\"error\": {\"code\": \"rate_limited\", \"message\": \"Slow down\"}}",
				"Retry-After", "7"));
		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> this.client.secrets().read("app/db/password"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7)));
	}

	@Test
	void unreadableSuccessBodyFailsWithoutShowingTheBody() {
		this.server.enqueue(json(200, "{\"path\": \"a/b\", \"version\": \"not-a-number-hunter2\"}"));
		assertThatExceptionOfType(ScaiVaultException.class).isThrownBy(() -> this.client.secrets().read("a/b"))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ScaiVaultException.UNEXPECTED_RESPONSE);
				assertThat(ex.getMessage()).doesNotContain("hunter2");
				assertThat(ex.getCause()).isNull();
			});
	}

	@Test
	void asyncFailureCarriesTheSameException() {
		this.server.enqueue(json(409, "{\"error\": {\"code\": \"conflict\", \"message\": \"cas mismatch\"}}"));
		assertThat(this.client.async().secrets().read("a/b")).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void callsAfterCloseFail() {
		this.client.close();
		assertThatExceptionOfType(ScaiVaultException.class).isThrownBy(() -> this.client.secrets().read("a/b"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("client_closed"));
	}

}
