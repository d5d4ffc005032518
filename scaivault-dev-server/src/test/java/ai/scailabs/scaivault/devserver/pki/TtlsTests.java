package ai.scailabs.scaivault.devserver.pki;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TtlsTests {

	@Test
	void parseWhenContractFormReturnsDuration() {
		assertThat(Ttls.parse("168h", "ttl")).isEqualTo(Duration.ofDays(7));
		assertThat(Ttls.parse("90d", "ttl")).isEqualTo(Duration.ofDays(90));
		assertThat(Ttls.parse("1h30m", "ttl")).isEqualTo(Duration.ofMinutes(90));
		assertThat(Ttls.parse("15s", "ttl")).isEqualTo(Duration.ofSeconds(15));
	}

	@Test
	void parseWhenNotADurationThrowsValidationErrorNamingField() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Ttls.parse("PT1H", "max_ttl"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
				assertThat(ex.details()).containsEntry("field", "max_ttl");
			});
	}

	@Test
	void parseWhenUnitsAreOutOfOrderOrRepeatedThrowsValidationError() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Ttls.parse("30m1h", "ttl"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Ttls.parse("1h1h", "ttl"));
	}

	@Test
	void parseWhenJsonIntegerThrowsValidationErrorBecauseDurationsAreStrings() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Ttls.parse(tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(3600L), "ttl"))
			.withMessageContaining("not a number");
	}

	@Test
	void parseWhenZeroThrowsValidationError() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Ttls.parse("0h", "ttl"));
	}

	@Test
	void formatWritesWholeHoursInHours() {
		assertThat(Ttls.format(Duration.ofDays(30))).isEqualTo("720h");
		assertThat(Ttls.format(Duration.ofSeconds(90))).isEqualTo("90s");
	}

}
