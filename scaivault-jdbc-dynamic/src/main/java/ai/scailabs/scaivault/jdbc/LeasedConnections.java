package ai.scailabs.scaivault.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The physical connections the pool opened, each with the lease whose account it logged in as, so
 * that a retired lease is revoked only once none of its connections is open.
 */
final class LeasedConnections {

	private final Map<Connection, String> leases = new ConcurrentHashMap<>();

	/**
	 * @param connection a physical connection just opened
	 * @param leaseId the lease it logged in with
	 */
	void add(Connection connection, String leaseId) {
		this.leases.put(connection, leaseId);
	}

	/**
	 * @param connection a physical connection
	 * @return the lease it logged in with, or {@code null} when not opened through the pool
	 */
	@Nullable String leaseOf(Connection connection) {
		return this.leases.get(connection);
	}

	/**
	 * Forget the connections that are closed, and count those of a lease that are still open.
	 * @param leaseId the lease
	 * @return its open connections
	 */
	int open(String leaseId) {
		int open = 0;
		for (Iterator<Map.Entry<Connection, String>> it = this.leases.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Connection, String> entry = it.next();
			if (isClosed(entry.getKey())) {
				it.remove();
			}
			else if (entry.getValue().equals(leaseId)) {
				open++;
			}
		}
		return open;
	}

	/** @return how many connections are tracked */
	int size() {
		return this.leases.size();
	}

	private static boolean isClosed(Connection connection) {
		try {
			return connection.isClosed();
		}
		catch (SQLException ex) {
			return true;
		}
	}

}
