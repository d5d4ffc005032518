package ai.scailabs.scaivault.devserver.dynamic;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Random account names, passwords and lease ids, from a {@link SecureRandom}.
 */
final class Randoms {

	private static final SecureRandom random = new SecureRandom();

	private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final String MIXED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private Randoms() {
	}

	/**
	 * A strong password that needs no quoting in SQL: 32 letters and digits (about 190 bits),
	 * with at least one upper-case letter, one lower-case letter and one digit.
	 * @return the password
	 */
	static String password() {
		while (true) {
			String candidate = of(MIXED, 32);
			if (candidate.chars().anyMatch(Character::isUpperCase) && candidate.chars().anyMatch(Character::isLowerCase)
					&& candidate.chars().anyMatch(Character::isDigit)) {
				return candidate;
			}
		}
	}

	/**
	 * An account name such as {@code sv_readonly_k3j9x0q2m7ha}: at most 32 characters (the
	 * MySQL limit), lower-case letters, digits and underscores, so it needs no quoting anywhere.
	 * @param role the role name
	 * @return the name
	 */
	static String accountName(String role) {
		String cleaned = role.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		if (cleaned.length() > 12) {
			cleaned = cleaned.substring(0, 12);
		}
		return "sv_" + (cleaned.isEmpty() ? "" : cleaned + "_") + of(LOWER, 14);
	}

	/** @return a new lease id, {@code lease_} and 24 random letters and digits */
	static String leaseId() {
		return "lease_" + of(LOWER, 24);
	}

	/**
	 * @param length how many characters
	 * @return random letters and digits
	 */
	static String token(int length) {
		return of(LOWER, length);
	}

	private static String of(String alphabet, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

}
