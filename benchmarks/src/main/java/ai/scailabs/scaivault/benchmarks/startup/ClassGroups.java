package ai.scailabs.scaivault.benchmarks.startup;

import java.util.List;

/**
 * Groups of loaded classes for the start-up breakdown, by package, first match wins.
 */
final class ClassGroups {

	/** The groups, in the order of the table. */
	static final List<String> NAMES = List.of("ScaiVault (ai.scailabs)", "JDK HttpClient (jdk.internal.net.http)",
			"TLS (javax.net.ssl, sun.security)", "Jackson 3 (tools.jackson, com.fasterxml)",
			"Resilience4j (io.github.resilience4j)", "Spring (org.springframework)", "JDK, other", "other");

	private ClassGroups() {
	}

	/**
	 * @param line a line of {@code -Xlog:class+load=info}, such as
	 * {@code [0.010s][info][class,load] java.lang.Object source: shared objects file}
	 * @return the class name, or an empty string for another line
	 */
	static String className(String line) {
		int tag = line.indexOf("[class,load] ");
		if (tag < 0) {
			return "";
		}
		int start = tag + "[class,load] ".length();
		int end = line.indexOf(' ', start);
		return (end < 0) ? line.substring(start) : line.substring(start, end);
	}

	/**
	 * @param className a class name
	 * @return its group
	 */
	static String of(String className) {
		if (className.startsWith("ai.scailabs.")) {
			return NAMES.get(0);
		}
		if (className.startsWith("jdk.internal.net.http.") || className.startsWith("java.net.http.")) {
			return NAMES.get(1);
		}
		if (className.startsWith("javax.net.ssl.") || className.startsWith("sun.security.")) {
			return NAMES.get(2);
		}
		if (className.startsWith("tools.jackson.") || className.startsWith("com.fasterxml.jackson.")) {
			return NAMES.get(3);
		}
		if (className.startsWith("io.github.resilience4j.")) {
			return NAMES.get(4);
		}
		if (className.startsWith("org.springframework.")) {
			return NAMES.get(5);
		}
		if (className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
				|| className.startsWith("sun.") || className.startsWith("com.sun.")) {
			return NAMES.get(6);
		}
		return NAMES.get(7);
	}

}
