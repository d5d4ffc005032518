package ai.scailabs.scaivault.samples.mtls;

import java.time.Duration;

import ai.scailabs.scaivault.boot.autoconfigure.ssl.CertificateRenewalScheduler;
import ai.scailabs.scaivault.boot.autoconfigure.ssl.ScaiVaultSslBundle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The sample with no settings: it starts its dev server, serves HTTPS with a ScaiVault-issued
 * certificate, requires client certificates, and calls itself with its second bundle, before and
 * after that bundle is renewed, through the same {@code RestClient}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "mtls.call-interval=1h")
class MtlsApplicationTests {

	@Autowired
	private SelfCaller caller;

	@Autowired
	private SslBundles sslBundles;

	@Autowired
	private CertificateRenewalScheduler scheduler;

	@Test
	void callSelfWhenClientCertificateRenewedThenServerSeesTheNewOne() {
		ScaiVaultSslBundle client = (ScaiVaultSslBundle) this.sslBundles.getBundle("client");
		String first = client.getSerialNumber();
		PeerController.Peer peer = this.caller.callPeer();
		assertThat(peer.subject()).isEqualTo("CN=caller.localhost");
		assertThat(peer.serialNumber()).isEqualToIgnoringCase(first);
		this.scheduler.renewNow("client");
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (client.getSerialNumber().equals(first)) {
			if (System.nanoTime() > deadline) {
				fail("The client bundle was not renewed within 30 s");
			}
			Thread.onSpinWait();
		}
		assertThat(this.caller.callPeer().serialNumber()).isEqualToIgnoringCase(client.getSerialNumber());
	}

}
