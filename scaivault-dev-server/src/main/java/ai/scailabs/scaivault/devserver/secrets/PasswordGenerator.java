package ai.scailabs.scaivault.devserver.secrets;

import java.security.SecureRandom;

/**
 * Generates the random passwords of rotations without a new value.
 */
public final class PasswordGenerator {

	/** Length of generated passwords. */
	public static final int LENGTH = 32;

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!@#%^*+="
		.toCharArray();

	private final SecureRandom random = new SecureRandom();

	/** @return a new password of {@link #LENGTH} random characters */
	public String generate() {
		char[] result = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			result[i] = ALPHABET[this.random.nextInt(ALPHABET.length)];
		}
		return new String(result);
	}

}
