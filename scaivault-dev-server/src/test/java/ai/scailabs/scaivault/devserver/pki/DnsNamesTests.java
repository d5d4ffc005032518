package ai.scailabs.scaivault.devserver.pki;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DnsNamesTests {

	@Test
	void isValidWhenHostNameOrWildcardReturnsTrue() {
		assertThat(DnsNames.isValid("billing.svc.cluster.local")).isTrue();
		assertThat(DnsNames.isValid("*.acme.example")).isTrue();
		assertThat(DnsNames.isValid("localhost")).isTrue();
	}

	@Test
	void isValidWhenNotAHostNameReturnsFalse() {
		assertThat(DnsNames.isValid("")).isFalse();
		assertThat(DnsNames.isValid("a..b")).isFalse();
		assertThat(DnsNames.isValid("-a.example")).isFalse();
		assertThat(DnsNames.isValid("a.*.example")).isFalse();
		assertThat(DnsNames.isValid("under_score.example")).isFalse();
	}

	@Test
	void isAllowedWhenNameEqualsDomainReturnsTrue() {
		assertThat(DnsNames.isAllowed("Acme.Example", List.of("acme.example"), false)).isTrue();
	}

	@Test
	void isAllowedWhenSubdomainAndSubdomainsAllowedReturnsTrue() {
		assertThat(DnsNames.isAllowed("a.b.acme.example", List.of("acme.example"), true)).isTrue();
		assertThat(DnsNames.isAllowed("a.b.acme.example", List.of("acme.example"), false)).isFalse();
	}

	@Test
	void isAllowedWhenOnlySuffixMatchesWithoutDotReturnsFalse() {
		assertThat(DnsNames.isAllowed("evilacme.example", List.of("acme.example"), true)).isFalse();
		assertThat(DnsNames.isAllowed("acme.example.evil.com", List.of("acme.example"), true)).isFalse();
	}

	@Test
	void isAllowedWhenDomainEntryIsWildcardAllowsNamesBelow() {
		assertThat(DnsNames.isAllowed("api.acme.example", List.of("*.acme.example"), false)).isTrue();
		assertThat(DnsNames.isAllowed("acme.example", List.of("*.acme.example"), false)).isFalse();
	}

	@Test
	void parseIpWhenLiteralReturnsAddressWithoutLookup() {
		assertThat(DnsNames.parseIp("10.0.0.7")).isNotNull();
		assertThat(DnsNames.parseIp("::1")).isNotNull();
		assertThat(DnsNames.parseIp("256.1.1.1")).isNull();
		assertThat(DnsNames.parseIp("example.com")).isNull();
	}

}
