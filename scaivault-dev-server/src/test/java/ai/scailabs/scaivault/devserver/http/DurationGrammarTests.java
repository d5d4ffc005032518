package ai.scailabs.scaivault.devserver.http;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of the one duration grammar of the dev server (contract section 1), as rotation and secrets use it.
 */
class DurationGrammarTests {

	@ParameterizedTest
	@CsvSource({ "15s, PT15S", "30m, PT30M", "1h, PT1H", "48h, PT48H", "7d, PT168H", "90d, PT2160H", "1h30m, PT1H30M",
			"1d2h3m4s, PT26H3M4S", "0s, PT0S" })
	void parseReadsContractForms(String text, Duration expected) {
		assertThat(Durations.parse("interval", text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1", "h", "1H", "1.5h", "-1h", "+1h", " 1h", "1h ", "1 h", "30m1h", "1h1h", "1w", "P1D",
			"1h,2h", "9999999999s" })
	void parseWhenTextIsNotADurationThrowsValidationErrorNamingField(String text) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Durations.parse("grace_period", text))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
				assertThat(ex.details()).containsEntry("field", "grace_period");
				assertThat(ex.getMessage()).contains("grace_period");
			});
	}

	@ParameterizedTest
	@CsvSource({ "PT15S, 15s", "PT1H30M, 1h30m", "PT168H, 7d", "PT0S, 0s", "PT26H3M4S, 1d2h3m4s" })
	void formatWritesLargestUnitsFirst(Duration duration, String expected) {
		assertThat(Durations.format(duration)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "7d,1d", "7d, 1d" })
	void parseListReadsCommaSeparatedDurations(String text) {
		assertThat(Durations.parseList("warn_before", text)).isEqualTo(List.of(Duration.ofDays(7), Duration.ofDays(1)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "7d,", ",1d", "7d;1d", "7d,0s" })
	void parseListWhenAnEntryIsInvalidThrowsValidationError(String text) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Durations.parseList("warn_before", text))
			.satisfies((ex) -> assertThat(ex.details()).containsEntry("field", "warn_before"));
	}

}
