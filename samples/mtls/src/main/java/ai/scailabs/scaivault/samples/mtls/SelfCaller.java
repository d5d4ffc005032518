package ai.scailabs.scaivault.samples.mtls;

import ai.scailabs.scaivault.boot.autoconfigure.ssl.CertificateRenewedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Calls the application itself over mTLS every {@code mtls.call-interval} and logs which client
 * certificate the server saw; logs each renewal. Watch the serial numbers change in the log while
 * nothing restarts.
 */
@Component
class SelfCaller {

	private static final Log logger = LogFactory.getLog(SelfCaller.class);

	private final RestClient client;

	private final Environment environment;

	SelfCaller(RestClient selfClient, Environment environment) {
		this.client = selfClient;
		this.environment = environment;
	}

	@Scheduled(initialDelayString = "${mtls.call-interval}", fixedDelayString = "${mtls.call-interval}")
	void call() {
		try {
			logger.info("Called myself over mTLS; the server saw client certificate " + callPeer().serialNumber());
		}
		catch (RuntimeException ex) {
			logger.warn("Calling myself over mTLS failed: " + ex.getMessage());
		}
	}

	PeerController.Peer callPeer() {
		String port = this.environment.getProperty("local.server.port", "8443");
		return this.client.get().uri("https://localhost:" + port + "/peer").retrieve().body(PeerController.Peer.class);
	}

	@EventListener
	void renewed(CertificateRenewedEvent event) {
		logger.info("SSL bundle '" + event.bundle() + "' renewed: certificate " + event.previousSerialNumber()
				+ " -> " + event.serialNumber() + ", valid until " + event.notAfter());
	}

}
