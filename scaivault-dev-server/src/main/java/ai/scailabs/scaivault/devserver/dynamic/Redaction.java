package ai.scailabs.scaivault.devserver.dynamic;

/**
 * Removes a secret from a text a database driver wrote, also where only part of it appears: drivers
 * quote statements cut to a length (MariaDB: 80 characters from where parsing stopped), which
 * can leave a prefix or suffix of a password in the message.
 */
final class Redaction {

	/** What a removed secret, or part of it, is replaced with. */
	static final String REDACTED = "<redacted>";

	/** The shortest part of a secret that is removed; shorter parts are too common to tell. */
	static final int MIN_PART = 6;

	private Redaction() {
	}

	/**
	 * @param text a text
	 * @param secret a secret, possibly empty
	 * @return the text with the secret and every part of it of at least {@value #MIN_PART}
	 * characters (or the whole secret, when shorter) replaced by {@value #REDACTED}
	 */
	static String redact(String text, String secret) {
		if (secret.isEmpty()) {
			return text;
		}
		int shortest = Math.min(MIN_PART, secret.length());
		StringBuilder result = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			int length = longestPart(text, i, secret);
			if (length >= shortest) {
				result.append(REDACTED);
				i += length;
			}
			else {
				result.append(text.charAt(i));
				i++;
			}
		}
		return result.toString();
	}

	/** @return the length of the longest part of the secret that starts at {@code start} of the text */
	private static int longestPart(String text, int start, String secret) {
		int longest = 0;
		for (int from = 0; from < secret.length(); from++) {
			int length = 0;
			while (from + length < secret.length() && start + length < text.length()
					&& secret.charAt(from + length) == text.charAt(start + length)) {
				length++;
			}
			longest = Math.max(longest, length);
		}
		return longest;
	}

}
