package ai.scailabs.scaivault.jdbc;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a login refused for its user name or password from other connection failures: PostgreSQL
 * SQLSTATE {@code 28P01} and {@code 28000}, MySQL and MariaDB error 1045, H2 {@code 28000}.
 */
final class LoginFailures {

	private static final Set<String> SQL_STATES = Set.of("28P01", "28000");

	private static final int MYSQL_ACCESS_DENIED = 1045;

	private LoginFailures() {
	}

	/**
	 * @param ex a failure to connect
	 * @return whether it, or one of its causes, is a refused login
	 */
	static boolean isBadCredentials(SQLException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && (SQL_STATES.contains(sql.getSQLState())
					|| sql.getErrorCode() == MYSQL_ACCESS_DENIED)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
