package ai.scailabs.scaivault.jdbc;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Evicts a connection whose session the database ended when the driver says so in a way Hikari does
 * not know: H2 answers a session aborted by a revocation with "connection broken" (90067) or
 * "database closed" (90098, 90121), which Hikari would otherwise hand out again and again. Used
 * unless the pool has its own {@link SQLExceptionOverride}.
 */
final class BrokenConnections implements SQLExceptionOverride {

	private static final Set<Integer> H2_BROKEN = Set.of(90067, 90098, 90121);

	@java.lang.Override
	public SQLExceptionOverride.Override adjudicate(SQLException ex) {
		return H2_BROKEN.contains(ex.getErrorCode()) ? SQLExceptionOverride.Override.MUST_EVICT
				: SQLExceptionOverride.Override.CONTINUE_EVICT;
	}

}
