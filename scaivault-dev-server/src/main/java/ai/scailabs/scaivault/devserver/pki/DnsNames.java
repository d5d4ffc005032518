package ai.scailabs.scaivault.devserver.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * DNS names and IP address literals of certificates: syntax and matching against allowed domains.
 */
public final class DnsNames {

	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private DnsNames() {
	}

	/**
	 * @param name a name
	 * @return whether it is a DNS name, optionally with a leading {@code *.} wildcard label
	 */
	public static boolean isValid(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.startsWith("*.")) {
			lower = lower.substring(2);
		}
		if (lower.isEmpty() || lower.length() > 253) {
			return false;
		}
		for (String label : lower.split("\\.", -1)) {
			if (!LABEL.matcher(label).matches()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a name is allowed by a list of domains: it equals one of them, or, with
	 * {@code allowSubdomains}, is below one of them. An entry {@code *.example.com} allows names one
	 * or more labels below {@code example.com}.
	 * @param name the DNS name
	 * @param allowedDomains the allowed domains
	 * @param allowSubdomains whether names below an allowed domain are allowed
	 * @return whether the name is allowed
	 */
	public static boolean isAllowed(String name, List<String> allowedDomains, boolean allowSubdomains) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (String allowed : allowedDomains) {
			String domain = allowed.toLowerCase(Locale.ROOT);
			if (lower.equals(domain)) {
				return true;
			}
			if (domain.startsWith("*.")) {
				if (lower.endsWith(domain.substring(1)) && !lower.substring(0, lower.length() - domain.length() + 1)
					.startsWith("*")) {
					return true;
				}
			}
			else if (allowSubdomains && lower.endsWith("." + domain)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Parse an IP address literal without any name lookup.
	 * @param text an IPv4 or IPv6 literal
	 * @return the address, or {@code null} if the text is not an IP literal
	 */
	public static @Nullable InetAddress parseIp(String text) {
		var ipv4 = IPV4.matcher(text);
		if (ipv4.matches()) {
			for (int group = 1; group <= 4; group++) {
				if (Integer.parseInt(ipv4.group(group)) > 255) {
					return null;
				}
			}
		}
		else if (!IPV6.matcher(text).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
