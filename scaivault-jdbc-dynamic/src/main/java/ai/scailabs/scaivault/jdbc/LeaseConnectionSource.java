package ai.scailabs.scaivault.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.util.Credentials;

import ai.scailabs.scaivault.client.ScaiVaultException;

/**
 * Where the pool opens its physical connections: the driver, with the credentials the pool got from
 * the {@link LeaseManager}. Each connection is recorded with its lease. A login refused for its
 * credentials (the lease revoked or its account dropped underneath) takes a fresh lease once and
 * tries again, so the pool never sees that failure; a connection whose lease was retired while it
 * opened is closed and opened again with the current one.
 */
final class LeaseConnectionSource implements DataSource {

	/** How often a connection opened during rotations is opened again with the newer lease. */
	private static final int MAX_REOPENS = 3;

	private final LeaseManager manager;

	private final Supplier<DataSource> driver;

	private volatile @org.jspecify.annotations.Nullable DataSource resolved;

	/**
	 * @param manager the lease manager
	 * @param driver the driver's data source, resolved on first use (after the pool is configured)
	 */
	LeaseConnectionSource(LeaseManager manager, Supplier<DataSource> driver) {
		this.manager = manager;
		this.driver = driver;
	}

	@Override
	public Connection getConnection() throws SQLException {
		Credentials credentials = this.manager.getCredentials();
		return getConnection(credentials.getUsername(), credentials.getPassword());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		String user = username;
		Connection connection;
		try {
			connection = driver().getConnection(user, password);
		}
		catch (SQLException ex) {
			if (!LoginFailures.isBadCredentials(ex)) {
				throw ex;
			}
			Credentials fresh = replace(user, ex);
			user = fresh.getUsername();
			connection = driver().getConnection(user, fresh.getPassword());
		}
		// the lease was rotated away from while this connection opened: open another with the current one
		for (int attempt = 0; !this.manager.track(connection, user) && attempt < MAX_REOPENS; attempt++) {
			connection.close();
			Credentials current = this.manager.getCredentials();
			user = current.getUsername();
			connection = driver().getConnection(user, current.getPassword());
		}
		return connection;
	}

	private Credentials replace(String username, SQLException failure) throws SQLException {
		try {
			return this.manager.replaceAfterLoginFailure(username);
		}
		catch (DynamicCredentialsException | IllegalStateException ex) {
			SQLException refused = new SQLException(failure.getMessage() + "; and no fresh lease: " + ex.getMessage(),
					failure.getSQLState(), failure.getErrorCode(), ex);
			refused.addSuppressed(failure);
			throw refused;
		}
		catch (ScaiVaultException ex) {
			throw new SQLException("No fresh lease after a refused login: [" + ex.getCode() + "]", failure);
		}
	}

	private DataSource driver() {
		DataSource dataSource = this.resolved;
		if (dataSource == null) {
			dataSource = this.driver.get();
			this.resolved = dataSource;
		}
		return dataSource;
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return driver().getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		driver().setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		driver().setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return driver().getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		return driver().unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this) || driver().isWrapperFor(type);
	}

}
