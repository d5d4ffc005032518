package ai.scailabs.scaivault.devserver.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the duration fields of requests ({@link Durations#parsePositive}, formerly the dynamic
 * engine's own helper).
 */
class DurationFieldTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void parseReadsContractDurationStrings() {
		assertThat(Durations.parse("ttl", "2h")).isEqualTo(Duration.ofHours(2));
		assertThat(Durations.parse("ttl", "1h30m")).isEqualTo(Duration.ofMinutes(90));
		assertThat(Durations.parse("ttl", "7d")).isEqualTo(Duration.ofDays(7));
		assertThat(Durations.parsePositive("ttl", this.json.readTree("\"90s\""), Duration.ZERO))
			.isEqualTo(Duration.ofSeconds(90));
		assertThat(Durations.parsePositive("ttl", null, Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void parseWhenNotADurationThrowsValidationErrorNamingTheField() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Durations.parse("max_ttl", "two hours"))
			.withMessageContaining("'max_ttl'");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Durations.parsePositive("ttl", this.json.readTree("\"0s\""), Duration.ZERO))
			.withMessageContaining("positive");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Durations.parsePositive("ttl", this.json.readTree("90"), Duration.ZERO))
			.withMessageContaining("not a number");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Durations.parsePositive("ttl", this.json.readTree("true"), Duration.ZERO));
	}

	@Test
	void formatWritesTheShortestNotation() {
		assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
		assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
		assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
	}

}
