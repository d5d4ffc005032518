package ai.scailabs.scaivault.jdbc;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Evicts a connection whose session the database ended when the driver says so in a way Hikari does
 * not know: H2 answers a session aborted by a revocation with "connection broken" (90067) or
 * "database closed" (90098, 90121), and a session whose user was dropped under it (one opened while
 * the revocation ran) with a general error (50000) on every statement; Hikari would otherwise hand
 * such a connection out again and again. Used unless the pool has its own
 * {@link SQLExceptionOverride}.
 */
final class BrokenConnections implements SQLExceptionOverride {

	private static final Set<Integer> H2_BROKEN = Set.of(90067, 90098, 90121);

	private static final int H2_GENERAL_ERROR = 50000;

	@java.lang.Override
	public SQLExceptionOverride.Override adjudicate(SQLException ex) {
		boolean broken = H2_BROKEN.contains(ex.getErrorCode())
				|| (ex.getErrorCode() == H2_GENERAL_ERROR && "HY000".equals(ex.getSQLState()));
		return broken ? SQLExceptionOverride.Override.MUST_EVICT
				: SQLExceptionOverride.Override.CONTINUE_EVICT;
	}

}
