package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import ai.scailabs.scaivault.boot.autoconfigure.ssl.SslTestApplications.Server;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several threads make new TLS connections in a loop while the server's certificate is renewed
 * again and again: no handshake fails, and every renewed certificate is served.
 */
class ScaiVaultSslRenewalUnderLoadTests extends AbstractDevServerPkiTests {

	private static final int THREADS = 4;

	private static final int RENEWALS = 5;


	@ParameterizedTest
	@EnumSource(Server.class)
	void renewWhenNewConnectionsKeepComingThenNoHandshakeFails(Server server) throws Exception {
		List<String> properties = pki.serverProperties(Duration.ofHours(1), "server");
		try (ConfigurableApplicationContext context = SslTestApplications.run(server, properties)) {
			TlsProbe probe = new TlsProbe(pki.caCertificatePem(), SslTestApplications.port(context));
			ScaiVaultSslBundle bundle = bundle(context, "server");
			CertificateRenewalScheduler scheduler = context.getBean(CertificateRenewalScheduler.class);
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicLong handshakes = new AtomicLong();
			List<IOException> failures = new ArrayList<>();
			Set<BigInteger> served = ConcurrentHashMap.newKeySet();
			ExecutorService clients = Executors.newFixedThreadPool(THREADS);
			List<Future<?>> loops = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				loops.add(clients.submit(() -> {
					while (running.get()) {
						try {
							served.add(probe.handshake().getSerialNumber());
							handshakes.incrementAndGet();
						}
						catch (IOException ex) {
							synchronized (failures) {
								failures.add(ex);
							}
						}
					}
				}));
			}
			List<BigInteger> issued = new ArrayList<>();
			issued.add(serial(bundle));
			try {
				TlsProbe.await(() -> served, (serials) -> serials.contains(issued.get(0)), "serving the first");
				for (int i = 0; i < RENEWALS; i++) {
					BigInteger previous = issued.get(issued.size() - 1);
					scheduler.renewNow("server");
					BigInteger renewed = TlsProbe.await(() -> serial(bundle),
							(serial) -> !serial.equals(previous), "renewal " + (i + 1));
					issued.add(renewed);
					TlsProbe.await(() -> served, (serials) -> serials.contains(renewed), "serving renewal " + (i + 1));
				}
			}
			finally {
				running.set(false);
				clients.shutdown();
				assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
			}
			for (Future<?> loop : loops) {
				loop.get(1, TimeUnit.SECONDS);
			}
			assertThat(failures).isEmpty();
			assertThat(handshakes.get()).isGreaterThan(RENEWALS);
			assertThat(served).containsAll(issued);
		}
	}

}
