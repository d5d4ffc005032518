package ai.scailabs.scaivault.jdbc.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import ai.scailabs.scaivault.jdbc.LeasePolicy;
import ai.scailabs.scaivault.jdbc.RenewalScheduler;

/**
 * Settings of the {@code DataSource} on leased ScaiVault database credentials. The pool itself is
 * tuned with {@code spring.datasource.hikari.*}; the JDBC URL is the lease's
 * {@code connection_url} unless {@code spring.datasource.url} is set.
 */
@ConfigurationProperties("scaivault.datasource")
public class DynamicDataSourceProperties {

	/**
	 * Dynamic secret engine to lease database credentials from, such as "support-db". Setting it
	 * turns the leased DataSource on.
	 */
	private @Nullable String engine;

	/**
	 * Role of the engine whose credentials the pool logs in with, such as "readonly".
	 */
	private @Nullable String role;

	/**
	 * Lifetime to ask for each lease, and the renewal increment. The role's default when not set;
	 * never more than the role's max TTL.
	 */
	private @Nullable Duration ttl;

	/**
	 * Fraction of a lease's current term (from its issue or last renewal to its end) after which a
	 * renewable lease is renewed.
	 */
	private double renewAt = LeasePolicy.DEFAULT_RENEW_AT;

	/**
	 * Fraction of the term of a lease that can no longer be extended (not renewable, or at the
	 * role's max TTL) after which the pool moves to a new lease. The rest of the term is the time
	 * busy connections of the old lease have to be returned before it ends.
	 */
	private double rotateAt = LeasePolicy.DEFAULT_ROTATE_AT;

	/**
	 * Fraction of the old lease's remaining life within which, after a rotation, the pool replaces
	 * the old lease's connections one at a time, so that it never logs in many at once; 0 evicts
	 * them all at once (idle ones at once, busy ones when returned). The connections of a revoked
	 * lease always go at once.
	 */
	private double retireWithin = LeasePolicy.DEFAULT_RETIRE_WITHIN;

	/**
	 * First wait before trying again when ScaiVault cannot renew or generate; doubles on each
	 * failure.
	 */
	private Duration initialBackoff = LeasePolicy.DEFAULT_INITIAL_BACKOFF;

	/**
	 * Longest wait between two attempts when ScaiVault cannot renew or generate.
	 */
	private Duration maxBackoff = LeasePolicy.DEFAULT_MAX_BACKOFF;

	/**
	 * How often the lease is looked at; a look with nothing due makes no request.
	 */
	private Duration checkInterval = RenewalScheduler.DEFAULT_INTERVAL;

	public @Nullable String getEngine() {
		return this.engine;
	}

	public void setEngine(@Nullable String engine) {
		this.engine = engine;
	}

	public @Nullable String getRole() {
		return this.role;
	}

	public void setRole(@Nullable String role) {
		this.role = role;
	}

	public @Nullable Duration getTtl() {
		return this.ttl;
	}

	public void setTtl(@Nullable Duration ttl) {
		this.ttl = ttl;
	}

	public double getRenewAt() {
		return this.renewAt;
	}

	public void setRenewAt(double renewAt) {
		this.renewAt = renewAt;
	}

	public double getRotateAt() {
		return this.rotateAt;
	}

	public void setRotateAt(double rotateAt) {
		this.rotateAt = rotateAt;
	}

	public double getRetireWithin() {
		return this.retireWithin;
	}

	public void setRetireWithin(double retireWithin) {
		this.retireWithin = retireWithin;
	}

	public Duration getInitialBackoff() {
		return this.initialBackoff;
	}

	public void setInitialBackoff(Duration initialBackoff) {
		this.initialBackoff = initialBackoff;
	}

	public Duration getMaxBackoff() {
		return this.maxBackoff;
	}

	public void setMaxBackoff(Duration maxBackoff) {
		this.maxBackoff = maxBackoff;
	}

	public Duration getCheckInterval() {
		return this.checkInterval;
	}

	public void setCheckInterval(Duration checkInterval) {
		this.checkInterval = checkInterval;
	}

}
