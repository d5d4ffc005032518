package ai.scailabs.scaivault.devserver.dynamic;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.devserver.http.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Ttls}.
 */
class TtlsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void parseReadsContractDurationStrings() {
		assertThat(Ttls.parse("ttl", "2h")).isEqualTo(Duration.ofHours(2));
		assertThat(Ttls.parse("ttl", "1h30m")).isEqualTo(Duration.ofMinutes(90));
		assertThat(Ttls.parse("ttl", "7d")).isEqualTo(Duration.ofDays(7));
		assertThat(Ttls.parse("ttl", this.json.readTree("\"90s\""), Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
		assertThat(Ttls.parse("ttl", null, Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void parseWhenNotADurationThrowsValidationErrorNamingTheField() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Ttls.parse("max_ttl", "two hours"))
			.withMessageContaining("'max_ttl'");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Ttls.parse("ttl", this.json.readTree("\"0s\""), Duration.ZERO))
			.withMessageContaining("positive");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Ttls.parse("ttl", this.json.readTree("90"), Duration.ZERO))
			.withMessageContaining("not a number");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Ttls.parse("ttl", this.json.readTree("true"), Duration.ZERO));
	}

	@Test
	void formatWritesTheShortestNotation() {
		assertThat(Ttls.format(Duration.ofHours(2))).isEqualTo("2h");
		assertThat(Ttls.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
		assertThat(Ttls.format(Duration.ofDays(7))).isEqualTo("7d");
	}

}
