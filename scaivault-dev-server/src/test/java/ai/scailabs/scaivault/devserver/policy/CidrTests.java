package ai.scailabs.scaivault.devserver.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CidrTests {

	@Test
	void ipv4RangeContainsAddressesInside() throws UnknownHostException {
		Cidr cidr = Cidr.parse("10.0.0.0/8");
		assertThat(cidr.contains(InetAddress.getByName("10.0.1.50"))).isTrue();
		assertThat(cidr.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
		assertThat(Cidr.parse("192.168.1.0/25").contains(InetAddress.getByName("192.168.1.127"))).isTrue();
		assertThat(Cidr.parse("192.168.1.0/25").contains(InetAddress.getByName("192.168.1.128"))).isFalse();
	}

	@Test
	void ipv6RangeContainsAddressesInside() throws UnknownHostException {
		Cidr cidr = Cidr.parse("fd00::/8");
		assertThat(cidr.contains(InetAddress.getByName("fd12:3456::1"))).isTrue();
		assertThat(cidr.contains(InetAddress.getByName("fe80::1"))).isFalse();
		assertThat(cidr.contains(InetAddress.getByName("10.0.0.1"))).isFalse();
		assertThat(Cidr.parse("::1/128").contains(InetAddress.getByName("::1"))).isTrue();
	}

	@Test
	void bareAddressIsRangeOfOne() throws UnknownHostException {
		assertThat(Cidr.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.1"))).isTrue();
		assertThat(Cidr.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.2"))).isFalse();
	}

	@Test
	void parseWhenNotCidrThrowsIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("example.com"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/33"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/x"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("fd00::/129"));
	}

}
