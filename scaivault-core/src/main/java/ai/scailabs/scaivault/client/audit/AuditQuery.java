package ai.scailabs.scaivault.client.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which audit entries to read; every criterion is optional:
 * <pre class="code">
 * AuditQuery.all().withPath("integrations/salesforce/oauth").withSince(Instant.parse("2026-11-01T00:00:00Z"))
 * </pre>
 *
 * @param path only entries on this secret path, or {@code null}
 * @param identityId only entries of this identity, or {@code null}
 * @param action only entries of this action, such as {@code read}, or {@code null}
 * @param since only entries at or after this instant, or {@code null}
 * @param limit page size, or {@code null} for the server's default
 * @param cursor cursor of the previous page, or {@code null} for the first page
 */
public record AuditQuery(@Nullable String path, @Nullable String identityId, @Nullable String action,
		@Nullable Instant since, @Nullable Integer limit, @Nullable String cursor) {

	/**
	 * Return a query for every entry.
	 * @return the query
	 */
	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null, null);
	}

	/**
	 * Return a copy limited to a secret path.
	 * @param path the secret path
	 * @return the new query
	 */
	public AuditQuery withPath(String path) {
		return new AuditQuery(path, this.identityId, this.action, this.since, this.limit, this.cursor);
	}

	/**
	 * Return a copy limited to an identity.
	 * @param identityId the identity
	 * @return the new query
	 */
	public AuditQuery withIdentityId(String identityId) {
		return new AuditQuery(this.path, identityId, this.action, this.since, this.limit, this.cursor);
	}

	/**
	 * Return a copy limited to an action.
	 * @param action the action, such as {@code read}
	 * @return the new query
	 */
	public AuditQuery withAction(String action) {
		return new AuditQuery(this.path, this.identityId, action, this.since, this.limit, this.cursor);
	}

	/**
	 * Return a copy limited to entries at or after an instant.
	 * @param since the instant
	 * @return the new query
	 */
	public AuditQuery withSince(Instant since) {
		return new AuditQuery(this.path, this.identityId, this.action, since, this.limit, this.cursor);
	}

	/**
	 * Return a copy with the given page size.
	 * @param limit the page size
	 * @return the new query
	 */
	public AuditQuery withLimit(int limit) {
		return new AuditQuery(this.path, this.identityId, this.action, this.since, limit, this.cursor);
	}

	/**
	 * Return a copy for the page after the one this cursor came with.
	 * @param cursor the cursor, or {@code null} for the first page
	 * @return the new query
	 */
	public AuditQuery withCursor(@Nullable String cursor) {
		return new AuditQuery(this.path, this.identityId, this.action, this.since, this.limit, cursor);
	}

}
