package ai.scailabs.scaivault.devserver.dynamic;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.devserver.http.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Statements}.
 */
class StatementsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void splitKeepsSemicolonsInsideQuotesAndDollarQuotes() {
		assertThat(Statements.split("CREATE ROLE \"a;b\" PASSWORD 'x;y'; DO $$ BEGIN PERFORM 1; END $$;  ;"))
			.containsExactly("CREATE ROLE \"a;b\" PASSWORD 'x;y'", "DO $$ BEGIN PERFORM 1; END $$");
	}

	@Test
	void readAcceptsAStringOrAList() {
		assertThat(Statements.read("f", this.json.readTree("\"A {{name}}; B\""), List.of())).containsExactly("A {{name}}",
				"B");
		assertThat(Statements.read("f", this.json.readTree("[\"A {{name}}\", \"B; C\"]"), List.of()))
			.containsExactly("A {{name}}", "B", "C");
		assertThat(Statements.read("f", null, List.of("D"))).containsExactly("D");
	}

	@Test
	void readWhenPlaceholderIsUnknownThrowsValidationError() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Statements.read("creation_statements", this.json.readTree("\"CREATE {{user}}\""), List.of()))
			.withMessageContaining("unknown placeholder {{user}}");
	}

	@Test
	void readWhenNotStringsThrowsValidationError() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Statements.read("creation_statements", this.json.readTree("[1]"), List.of()))
			.withMessageContaining("'creation_statements'");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Statements.read("creation_statements", this.json.readTree("\" ; \""), List.of()))
			.withMessageContaining("no SQL statement");
	}

	@Test
	void renderReplacesEveryPlaceholder() {
		assertThat(Statements.render("CREATE USER '{{name}}' IDENTIFIED BY '{{ password }}' -- {{username}} {{expiration}}",
				Map.of("name", "sv_a", "password", "p$1\\x", "expiration", "2026-11-22 14:00:00+00")))
			.isEqualTo("CREATE USER 'sv_a' IDENTIFIED BY 'p$1\\x' -- sv_a 2026-11-22 14:00:00+00");
	}

}
