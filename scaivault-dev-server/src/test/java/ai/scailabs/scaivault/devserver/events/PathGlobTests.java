package ai.scailabs.scaivault.devserver.events;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.devserver.http.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PathGlobTests {

	@Test
	void literalMatchesOnlyItself() {
		PathGlob glob = PathGlob.parse("paths", "integrations/salesforce/oauth");
		assertThat(glob.matches("integrations/salesforce/oauth")).isTrue();
		assertThat(glob.matches("integrations/salesforce/oauth2")).isFalse();
		assertThat(glob.matches("integrations/salesforce")).isFalse();
	}

	@Test
	void singleStarMatchesExactlyOneSegment() {
		PathGlob glob = PathGlob.parse("paths", "apps/*/db");
		assertThat(glob.matches("apps/a/db")).isTrue();
		assertThat(glob.matches("apps/db")).isFalse();
		assertThat(glob.matches("apps/a/b/db")).isFalse();
	}

	@Test
	void doubleStarMatchesAnyNumberOfSegmentsIncludingNone() {
		PathGlob glob = PathGlob.parse("paths", "environments/production/**");
		assertThat(glob.matches("environments/production")).isTrue();
		assertThat(glob.matches("environments/production/a")).isTrue();
		assertThat(glob.matches("environments/production/a/b/c")).isTrue();
		assertThat(glob.matches("environments/staging/a")).isFalse();
		assertThat(PathGlob.parse("paths", "**").matches("any/path")).isTrue();
		assertThat(PathGlob.parse("paths", "a/**/z").matches("a/z")).isTrue();
		assertThat(PathGlob.parse("paths", "a/**/z").matches("a/b/c/z")).isTrue();
	}

	@Test
	void parseWhenPatternIsMalformedThrowsValidationError() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> PathGlob.parse("paths", "a//b"))
			.satisfies((ex) -> assertThat(ex.details()).containsEntry("field", "paths"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> PathGlob.parse("paths", "a/b*"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> PathGlob.parse("paths", "a/../b"));
	}

}
