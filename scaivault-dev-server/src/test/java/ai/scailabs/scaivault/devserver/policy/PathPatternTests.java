package ai.scailabs.scaivault.devserver.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PathPatternTests {

	@Test
	void literalPatternMatchesOnlyThatPath() {
		PathPattern pattern = PathPattern.compile("integrations/salesforce/oauth");
		assertThat(pattern.matches("integrations/salesforce/oauth")).isTrue();
		assertThat(pattern.matches("integrations/salesforce/oauth2")).isFalse();
		assertThat(pattern.matches("integrations/salesforce")).isFalse();
		assertThat(pattern.matches("integrations/salesforce/oauth/x")).isFalse();
	}

	@Test
	void singleStarMatchesExactlyOneSegment() {
		PathPattern pattern = PathPattern.compile("app/*/password");
		assertThat(pattern.matches("app/db/password")).isTrue();
		assertThat(pattern.matches("app/password")).isFalse();
		assertThat(pattern.matches("app/a/b/password")).isFalse();
	}

	@Test
	void doubleStarMatchesAnyNumberOfSegmentsIncludingNone() {
		PathPattern pattern = PathPattern.compile("environments/production/**");
		assertThat(pattern.matches("environments/production")).isTrue();
		assertThat(pattern.matches("environments/production/db")).isTrue();
		assertThat(pattern.matches("environments/production/db/password")).isTrue();
		assertThat(pattern.matches("environments/staging/db")).isFalse();
		assertThat(PathPattern.compile("**").matches("any/path/at/all")).isTrue();
		assertThat(PathPattern.compile("a/**/z").matches("a/z")).isTrue();
		assertThat(PathPattern.compile("a/**/z").matches("a/b/c/z")).isTrue();
	}

	@Test
	void starInsideSegmentMatchesWithinThatSegment() {
		PathPattern pattern = PathPattern.compile("app/db-*");
		assertThat(pattern.matches("app/db-main")).isTrue();
		assertThat(pattern.matches("app/cache")).isFalse();
	}

	@Test
	void compileWhenPatternIsMalformedThrowsIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> PathPattern.compile(""));
		assertThatIllegalArgumentException().isThrownBy(() -> PathPattern.compile("/app"));
		assertThatIllegalArgumentException().isThrownBy(() -> PathPattern.compile("app//db"));
		assertThatIllegalArgumentException().isThrownBy(() -> PathPattern.compile("app/db**"));
		assertThatIllegalArgumentException().isThrownBy(() -> PathPattern.compile("app/d b"));
	}

}
