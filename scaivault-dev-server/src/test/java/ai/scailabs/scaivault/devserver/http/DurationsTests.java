package ai.scailabs.scaivault.devserver.http;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of {@link Durations}, the server's one duration syntax.
 */
class DurationsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest
	@CsvSource({ "15s, PT15S", "30m, PT30M", "1h, PT1H", "48h, PT48H", "7d, PT168H", "90d, PT2160H",
			"168h, PT168H", "1h30m, PT1H30M", "1d2h3m4s, PT26H3M4S", "0s, PT0S", "999999999d, PT23999999976H" })
	void parseReadsContractForms(String text, Duration expected) {
		assertThat(Durations.parse("ttl", text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1", "90", "h", "1H", "1.5h", "-1h", "+1h", " 1h", "1h ", "1 h", "30m1h", "1s1h",
			"1h1h", "1w", "P1D", "PT1H", "1h,2h", "9999999999s", "106751991167300d" })
	void parseWhenTextIsNotADurationThrowsValidationErrorNamingField(String text) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Durations.parse("max_ttl", text))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
				assertThat(ex.details()).containsEntry("field", "max_ttl");
				assertThat(ex.getMessage()).contains("'max_ttl'");
			});
	}

	@Test
	void parseJsonReadsDurationStrings() {
		assertThat(Durations.parse("ttl", json.readTree("\"1h30m\""))).isEqualTo(Duration.ofMinutes(90));
	}

	@Test
	void parseJsonWhenNumberSaysDurationsAreStrings() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Durations.parse("ttl", json.readTree("90")))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("'ttl'").contains("not a number"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "true", "1.5", "-1", "90", "9223372036854775807", "[\"1h\"]", "{}",
			"99999999999999999999999" })
	void parseJsonWhenNotADurationThrowsValidationErrorNamingField(String value) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Durations.parse("ttl", json.readTree(value)))
			.satisfies((ex) -> assertThat(ex.details()).containsEntry("field", "ttl"));
	}

	@Test
	void parsePositiveWhenZeroOrAbsent() {
		assertThat(Durations.parsePositive("ttl", null, Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Durations.parsePositive("ttl", json.readTree("\"0s\""), Duration.ZERO))
			.withMessageContaining("positive");
	}

	@Test
	void parseListReadsCommaSeparatedDurations() {
		assertThat(Durations.parseList("warn_before", "7d, 1d")).containsExactly(Duration.ofDays(7), Duration.ofDays(1));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Durations.parseList("warn_before", "7d,0s"));
	}

	@ParameterizedTest
	@CsvSource({ "PT15S, 15s", "PT1H30M, 1h30m", "PT168H, 7d", "PT0S, 0s", "PT26H3M4S, 1d2h3m4s" })
	void formatWritesLargestUnitsFirst(Duration duration, String expected) {
		assertThat(Durations.format(duration)).isEqualTo(expected);
		assertThat(Durations.parse("ttl", expected)).isEqualTo(duration);
	}

	@Test
	void listParsesToTheSameDurationsAsTheirParts() {
		assertThat(Durations.parseList("warn_before", "1h30m")).isEqualTo(List.of(Duration.ofMinutes(90)));
	}

}
