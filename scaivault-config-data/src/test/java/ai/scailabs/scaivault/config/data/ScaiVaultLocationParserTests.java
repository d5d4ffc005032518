package ai.scailabs.scaivault.config.data;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.config.env.SecretReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ScaiVaultLocationParser}.
 */
class ScaiVaultLocationParserTests {

	@Test
	void parseWhenSinglePathReturnsReference() {
		assertThat(ScaiVaultLocationParser.parse("scaivault:integrations/salesforce/oauth"))
			.containsExactly(new SecretReference("integrations/salesforce/oauth", null, ""));
	}

	@Test
	void parseWhenPathsAreSeparatedBySemicolonsReturnsEachWithItsOwnOptions() {
		assertThat(ScaiVaultLocationParser.parse("scaivault:a/b?prefix=salesforce.; c/d?version=3&prefix=db.;e"))
			.containsExactly(new SecretReference("a/b", null, "salesforce."), new SecretReference("c/d", 3, "db."),
					new SecretReference("e", null, ""));
	}

	@Test
	void parseWhenVersionIsNotAPositiveNumberThrowsNamingLocation() {
		assertThatExceptionOfType(InvalidScaiVaultLocationException.class)
			.isThrownBy(() -> ScaiVaultLocationParser.parse("scaivault:a/b?version=x"))
			.withMessageContaining("'scaivault:a/b?version=x'")
			.withMessageContaining("version 'x' of path 'a/b'");
		assertThatExceptionOfType(InvalidScaiVaultLocationException.class)
			.isThrownBy(() -> ScaiVaultLocationParser.parse("scaivault:a/b?version=0"));
	}

	@Test
	void parseWhenOptionIsUnknownThrows() {
		assertThatExceptionOfType(InvalidScaiVaultLocationException.class)
			.isThrownBy(() -> ScaiVaultLocationParser.parse("scaivault:a/b?profile=x"))
			.withMessageContaining("unknown option 'profile'");
		assertThatExceptionOfType(InvalidScaiVaultLocationException.class)
			.isThrownBy(() -> ScaiVaultLocationParser.parse("scaivault:a/b?prefix"))
			.withMessageContaining("not name=value");
		assertThatExceptionOfType(InvalidScaiVaultLocationException.class)
			.isThrownBy(() -> ScaiVaultLocationParser.parse("scaivault:a/b?prefix=x&prefix=y"))
			.withMessageContaining("given twice");
	}

	@Test
	void parseWhenPathIsInvalidThrows() {
		for (String location : new String[] { "scaivault:", "scaivault:/a", "scaivault:a/", "scaivault:a//b",
				"scaivault:a/../b", "scaivault:a b", "scaivault:a;;b", "scaivault:a;", "scaivault:?prefix=x",
				"scaivault:a;a" }) {
			assertThatExceptionOfType(InvalidScaiVaultLocationException.class)
				.isThrownBy(() -> ScaiVaultLocationParser.parse(location))
				.withMessageContaining("'" + location + "'");
		}
		assertThatExceptionOfType(InvalidScaiVaultLocationException.class)
			.isThrownBy(() -> ScaiVaultLocationParser.parse("scaivault:" + "a".repeat(513)))
			.withMessageContaining("longer than 512");
	}

}
