package ai.scailabs.scaivault.samples.dynamicdb;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ai.scailabs.scaivault.jdbc.LeaseEvent;

/**
 * Logs the lease's life (created, renewed, rotated, revoked): ids and times only, never credentials.
 */
@Component
class LeaseEventLog {

	private static final Log logger = LogFactory.getLog(LeaseEventLog.class);

	@EventListener
	void on(LeaseEvent event) {
		logger.info(event);
	}

}
