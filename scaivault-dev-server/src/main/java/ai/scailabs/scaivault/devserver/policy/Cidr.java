package ai.scailabs.scaivault.devserver.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A CIDR range, IPv4 or IPv6, such as {@code 10.0.0.0/8} or {@code fd00::/8}. A bare address is
 * a range of one. An IPv4-mapped IPv6 caller address ({@code ::ffff:10.0.1.50}) matches IPv4
 * ranges.
 *
 * @param text the range as written
 * @param network the network address bytes
 * @param prefixLength the prefix length
 */
public record Cidr(String text, byte[] network, int prefixLength) {

	/**
	 * @param text the range
	 * @return the parsed range
	 * @throws IllegalArgumentException when it is not a CIDR range
	 */
	public static Cidr parse(String text) {
		int slash = text.indexOf('/');
		String address = (slash < 0) ? text : text.substring(0, slash);
		byte[] bytes = literal(address);
		int max = bytes.length * 8;
		int prefix = max;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(text.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > max) {
				throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + max);
			}
		}
		return new Cidr(text, bytes, prefix);
	}

	private static byte[] literal(String address) {
		boolean ipv4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
		boolean ipv6 = address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
		if (!ipv4 && !ipv6) {
			throw new IllegalArgumentException("'" + address + "' is not an IPv4 or IPv6 address");
		}
		try {
			return InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("'" + address + "' is not an IPv4 or IPv6 address");
		}
	}

	/**
	 * @param address the caller's address
	 * @return whether it is in the range
	 */
	public boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length == 16 && this.network.length == 4 && isIpv4Mapped(candidate)) {
			byte[] ipv4 = new byte[4];
			System.arraycopy(candidate, 12, ipv4, 0, 4);
			candidate = ipv4;
		}
		if (candidate.length != this.network.length) {
			return false;
		}
		int full = this.prefixLength / 8;
		for (int i = 0; i < full; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int rest = this.prefixLength % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (candidate[full] & mask) == (this.network[full] & mask);
	}

	private static boolean isIpv4Mapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Cidr cidr && cidr.text.equals(this.text);
	}

	@Override
	public int hashCode() {
		return this.text.hashCode();
	}

	@Override
	public String toString() {
		return this.text;
	}

}
