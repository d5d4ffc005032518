package ai.scailabs.scaivault.benchmarks.startup;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The values the start-up application binds, from ScaiVault or from a properties file.
 *
 * @param secrets the credentials by name ({@code s000}, {@code s001}, ...)
 * @param expected how many credentials the run provides
 */
@ConfigurationProperties("bench")
public record BenchProperties(Map<String, Credentials> secrets, int expected) {

	/**
	 * One set of database credentials.
	 *
	 * @param username the user name
	 * @param password the password
	 * @param url the JDBC URL
	 */
	public record Credentials(String username, String password, String url) {

		/** @return whether every value is present */
		boolean complete() {
			return !this.username.isEmpty() && !this.password.isEmpty() && !this.url.isEmpty();
		}

		@Override
		public String toString() {
			return "Credentials[username=" + this.username + ", password=(hidden), url=" + this.url + "]";
		}

	}

}
