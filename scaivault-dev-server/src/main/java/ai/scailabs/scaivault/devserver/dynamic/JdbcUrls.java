package ai.scailabs.scaivault.devserver.dynamic;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the engines need to know about JDBC URLs: whether one holds credentials (they are refused:
 * credentials go in {@code username} and {@code password}) and which database it names.
 */
final class JdbcUrls {

	private static final Pattern QUERY_CREDENTIAL = Pattern.compile("[?&](user|password)=",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern H2_CREDENTIAL = Pattern.compile(";\\s*(user|password)\\s*=",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern USER_INFO = Pattern.compile("^jdbc:[a-z0-9]+://[^/?;]*@",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DATABASE = Pattern.compile("^jdbc:[a-z0-9]+://[^/?;]*/([^/?;]+)",
			Pattern.CASE_INSENSITIVE);

	private JdbcUrls() {
	}

	/**
	 * @param url a JDBC URL
	 * @return whether it carries a user name or password
	 */
	static boolean holdsCredentials(String url) {
		return QUERY_CREDENTIAL.matcher(url).find() || H2_CREDENTIAL.matcher(url).find()
				|| USER_INFO.matcher(url).find();
	}

	/**
	 * @param url a JDBC URL such as {@code jdbc:mariadb://127.0.0.1:3306/test?x=y}
	 * @return the database it names ({@code test}), or an empty string
	 */
	static String database(String url) {
		Matcher matcher = DATABASE.matcher(url);
		return matcher.find() ? matcher.group(1) : "";
	}

	/**
	 * The URL the dev server itself connects with. MariaDB Connector/J refuses {@code jdbc:mysql:}
	 * unless MySQL Connector/J is absent and {@code permitMysqlScheme} is set, so a
	 * {@code jdbc:mysql:} URL is opened as {@code jdbc:mariadb:} when no driver takes it.
	 * @param url the engine's URL
	 * @return the URL to open
	 */
	static String forDriver(String url) {
		if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:mysql:")) {
			try {
				java.sql.DriverManager.getDriver(url);
				return url;
			}
			catch (java.sql.SQLException ex) {
				return "jdbc:mariadb:" + url.substring("jdbc:mysql:".length());
			}
		}
		return url;
	}

}
