package ai.scailabs.scaivault.devserver.pki;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random ids with a type prefix, such as {@code ca_3f9c0e51a2b4d6e8f0a1}.
 */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	/**
	 * @param prefix the prefix without underscore, such as {@code ca}
	 * @return a new id
	 */
	public static String next(String prefix) {
		byte[] bytes = new byte[10];
		RANDOM.nextBytes(bytes);
		return prefix + "_" + HexFormat.of().formatHex(bytes);
	}

}
