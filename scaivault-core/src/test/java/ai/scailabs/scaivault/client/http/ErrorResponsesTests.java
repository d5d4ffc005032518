package ai.scailabs.scaivault.client.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AuthenticationException;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.WireTestSupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests of {@link ErrorResponses}.
 */
class ErrorResponsesTests {

	private final ErrorResponses errors = new ErrorResponses(ScaiVaultJson.mapper(),
			new MutableClock(Instant.parse("2026-11-22T12:00:00Z")));

	@Test
	void retryAfterInSecondsIsParsed() {
		assertThat(this.errors.parseRetryAfter("2")).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.errors.parseRetryAfter(" 0 ")).isEqualTo(Duration.ZERO);
	}

	@Test
	void retryAfterAsHttpDateIsRelativeToTheClock() {
		assertThat(this.errors.parseRetryAfter("Sun, 22 Nov 2026 12:00:30 GMT")).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.errors.parseRetryAfter("Sun, 22 Nov 2026 11:00:00 GMT")).isEqualTo(Duration.ZERO);
	}

	@Test
	void unreadableRetryAfterIsIgnored() {
		assertThat(this.errors.parseRetryAfter("soon")).isNull();
		assertThat(this.errors.parseRetryAfter("-5")).isNull();
		assertThat(this.errors.parseRetryAfter(null)).isNull();
	}

	@Test
	void oauthErrorOfTokenEndpointIsAuthentication() {
		ScaiVaultException ex = this.errors.toException(400, "req_t", null,
				"{\"error\": \"invalid_grant\", \"error_description\": \"Bad grant\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(ex).isInstanceOf(AuthenticationException.class);
		assertThat(ex.getCode()).isEqualTo("invalid_grant");
		assertThat(ex.getMessage()).isEqualTo("Bad grant");
		assertThat(ex.getRequestId()).isEqualTo("req_t");
	}

	@Test
	void unknownCodeFallsBackToTheTypeOfItsStatus() {
		ScaiVaultException ex = this.errors.toException(403, null, null,
				"{\"error\": {\"code\": \"mfa_required\", \"message\": \"MFA\"}}".getBytes(StandardCharsets.UTF_8));
		assertThat(ex).isInstanceOf(ai.scailabs.scaivault.client.AccessDeniedException.class);
		assertThat(ex.getCode()).isEqualTo("mfa_required");
	}

	@Test
	void detailsWithNullValuesAreKeptWithoutThem() {
		ScaiVaultException ex = this.errors.toException(400, null, null,
				"{\"error\": {\"code\": \"validation_error\", \"message\": \"m\", \"details\": {\"field\": \"x\", \"hint\": null}}}"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(ex.getDetails()).containsOnlyKeys("field");
	}

}
