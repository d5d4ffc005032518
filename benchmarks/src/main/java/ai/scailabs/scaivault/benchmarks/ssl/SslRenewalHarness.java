package ai.scailabs.scaivault.benchmarks.ssl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import ai.scailabs.scaivault.boot.autoconfigure.ssl.CertificateRenewalScheduler;
import ai.scailabs.scaivault.boot.autoconfigure.ssl.ScaiVaultSslBundle;
import ai.scailabs.scaivault.boot.autoconfigure.ssl.ScaiVaultSslBundleRegistrar;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.pki.CertificateAuthority;
import ai.scailabs.scaivault.client.pki.CreateCaRequest;
import ai.scailabs.scaivault.client.pki.CreateRoleRequest;
import ai.scailabs.scaivault.client.pki.IssuedCertificate;
import ai.scailabs.scaivault.client.pki.KeyType;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Handshakes per second on two Tomcat servers in one JVM, measured alternately in rounds (the
 * order flips every round): one on a
 * ScaiVault bundle renewed every few seconds ({@code renewing}), one on a Spring Boot PEM bundle of
 * the same kind of certificate that never changes ({@code static}). Client threads make new TLS
 * connections in a loop, each a full handshake (the session is invalidated after it), and count
 * failed handshakes. For each renewal it records the renewal-to-served time: from the moment the
 * bundle holds the new certificate to the first handshake that receives it.
 *
 * <p>Options: {@code --rounds N} (default 8), {@code --warmups N} rounds not counted (default 5),
 * {@code --seconds S} per server per round (default 5), {@code --threads T} (default 4),
 * {@code --renew-every S} seconds (default 3).
 */
public final class SslRenewalHarness {

	private SslRenewalHarness() {
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		System.setProperty("logging.level.root", "WARN");
		System.setProperty("spring.main.banner-mode", "off");
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().start();
				ScaiVaultClient client = ScaiVaultClient.builder()
					.baseUrl(server.baseUrl())
					.environment((name) -> null)
					.token(server.rootToken())
					.build()) {
			CertificateAuthority ca = client.pki()
				.createCa(CreateCaRequest.root("bench-root", "Benchmark Root").withKey(KeyType.EC, 256));
			client.pki()
				.createRole(CreateRoleRequest.of("bench", ca.id(), "localhost")
					.withIpSans()
					.withServerAuth()
					.withKey(KeyType.EC, 256)
					.withMaxTtl(Duration.ofDays(1)));
			IssuedCertificate fixed = client.pki().issue("bench", "localhost", List.of(), List.of("127.0.0.1"),
					Duration.ofHours(1));
			try (ConfigurableApplicationContext renewing = start("scaivault.base-url=" + server.baseUrl(),
					"scaivault.token=" + server.rootToken(), "scaivault.ssl.bundle.server.pki.role=bench",
					"scaivault.ssl.bundle.server.pki.common-name=localhost",
					"scaivault.ssl.bundle.server.pki.ip-sans=127.0.0.1", "scaivault.ssl.bundle.server.pki.ttl=1h",
					"server.ssl.bundle=server");
					ConfigurableApplicationContext fixedServer = start(
							"spring.ssl.bundle.pem.static.keystore.certificate=" + fixed.certificatePem(),
							"spring.ssl.bundle.pem.static.keystore.private-key=" + fixed.privateKeyPem(),
							"server.ssl.bundle=static")) {
				run(options, ca.certificatePem(), renewing, fixedServer);
			}
		}
	}

	private static void run(Options options, String caPem, ConfigurableApplicationContext renewing,
			ConfigurableApplicationContext fixed) throws Exception {
		SSLContext trust = trusting(caPem);
		ScaiVaultSslBundle bundle = renewing.getBean(ScaiVaultSslBundleRegistrar.class).getBundles().get("server");
		CertificateRenewalScheduler scheduler = renewing.getBean(CertificateRenewalScheduler.class);
		Load renewingLoad = new Load(trust, port(renewing));
		Load fixedLoad = new Load(trust, port(fixed));
		Renewals renewals = new Renewals(bundle, scheduler, renewingLoad, options.renewEvery);
		// warm-up (JIT of the TLS stack on both sides), not counted
		for (int i = 0; i < options.warmups; i++) {
			renewingLoad.measure(options.threads, Duration.ofSeconds(options.seconds));
			fixedLoad.measure(options.threads, Duration.ofSeconds(options.seconds));
		}
		renewingLoad.failed.set(0);
		fixedLoad.failed.set(0);
		List<Double> renewingRates = new ArrayList<>();
		List<Double> fixedRates = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		Thread renewer = new Thread(renewals, "bench-renewer");
		renewer.setDaemon(true);
		renewer.start();
		System.out.printf(Locale.ROOT, "%nround  renewing hs/s  static hs/s  ratio  load%n");
		for (int round = 1; round <= options.rounds; round++) {
			// the order alternates round by round, so that a machine (or JIT) that speeds up or
			// slows down during the run favours neither server
			double fixedRate = (round % 2 == 0) ? fixedLoad.measure(options.threads, Duration.ofSeconds(options.seconds))
					: 0;
			renewals.active = true;
			double renewingRate = renewingLoad.measure(options.threads, Duration.ofSeconds(options.seconds));
			renewals.active = false;
			if (round % 2 == 1) {
				fixedRate = fixedLoad.measure(options.threads, Duration.ofSeconds(options.seconds));
			}
			renewingRates.add(renewingRate);
			fixedRates.add(fixedRate);
			ratios.add(renewingRate / fixedRate);
			System.out.printf(Locale.ROOT, "%5d  %13.1f  %11.1f  %5.3f  %s%n", round, renewingRate, fixedRate,
					renewingRate / fixedRate, load());
		}
		renewals.stop();
		renewer.join(TimeUnit.SECONDS.toMillis(30));
		List<Long> servedMillis = renewals.servedMillis(TimeUnit.SECONDS.toMillis(options.seconds));
		System.out.printf(Locale.ROOT, "%nhandshakes/s, median over %d rounds of %d s, %d client threads:%n",
				options.rounds, options.seconds, options.threads);
		System.out.printf(Locale.ROOT, "  renewing %.1f, static %.1f, ratio (median of paired rounds) %.3f%n",
				median(renewingRates), median(fixedRates), median(ratios));
		System.out.printf(Locale.ROOT, "failed handshakes: renewing %d, static %d%n", renewingLoad.failed.get(),
				fixedLoad.failed.get());
		System.out.printf(Locale.ROOT,
				"renewals: %d (every %d s, during the renewing server's rounds); served in the same round: %d;"
						+ " renewal-to-served ms: median %s, max %s, all %s%n",
				renewals.count(), options.renewEvery, servedMillis.size(),
				servedMillis.isEmpty() ? "-" : medianLong(servedMillis),
				servedMillis.isEmpty() ? "-" : Collections.max(servedMillis), servedMillis);
	}

	private static ConfigurableApplicationContext start(String... properties) {
		List<String> all = new ArrayList<>(List.of(properties));
		all.add("server.port=0");
		all.add("spring.main.banner-mode=off");
		all.add("logging.level.root=WARN");
		return new SpringApplicationBuilder(BenchApplication.class).web(WebApplicationType.SERVLET)
			.properties(all.toArray(String[]::new))
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static SSLContext trusting(String caPem) throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

	private static String load() {
		try {
			String loadavg = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"));
			return loadavg.split(" ")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	static long medianLong(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get((sorted.size() - 1) / 2);
	}

	/**
	 * New TLS connections in a loop against one server, noting when each serial number was first
	 * served.
	 */
	static final class Load {

		private final SSLContext context;

		private final int port;

		final AtomicLong failed = new AtomicLong();

		final Map<BigInteger, Long> firstServed = new ConcurrentHashMap<>();

		Load(SSLContext context, int port) {
			this.context = context;
			this.port = port;
		}

		double measure(int threads, Duration duration) throws InterruptedException {
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicLong handshakes = new AtomicLong();
			ExecutorService executor = Executors.newFixedThreadPool(threads);
			for (int i = 0; i < threads; i++) {
				executor.execute(() -> {
					while (running.get()) {
						if (handshake()) {
							handshakes.incrementAndGet();
						}
					}
				});
			}
			long start = System.nanoTime();
			Thread.sleep(duration.toMillis());
			running.set(false);
			long count = handshakes.get();
			long elapsed = System.nanoTime() - start;
			executor.shutdown();
			if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Client threads did not stop");
			}
			return count * 1e9 / elapsed;
		}

		boolean handshake() {
			try (SSLSocket socket = (SSLSocket) this.context.getSocketFactory().createSocket("localhost", this.port)) {
				socket.setSoTimeout(10_000);
				socket.startHandshake();
				X509Certificate served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
				this.firstServed.putIfAbsent(served.getSerialNumber(), System.nanoTime());
				// the next connection makes a full handshake too
				socket.getSession().invalidate();
				return true;
			}
			catch (IOException ex) {
				this.failed.incrementAndGet();
				return false;
			}
		}

	}

	/**
	 * Renews the bundle every few seconds and notes when each new certificate was installed.
	 */
	static final class Renewals implements Runnable {

		private final ScaiVaultSslBundle bundle;

		private final CertificateRenewalScheduler scheduler;

		private final Load load;

		private final int everySeconds;

		private final AtomicBoolean running = new AtomicBoolean(true);

		/** Whether the renewing server is being measured: renewals happen only then. */
		volatile boolean active;

		private final Map<BigInteger, Long> installed = new ConcurrentHashMap<>();

		Renewals(ScaiVaultSslBundle bundle, CertificateRenewalScheduler scheduler, Load load, int everySeconds) {
			this.bundle = bundle;
			this.scheduler = scheduler;
			this.load = load;
			this.everySeconds = everySeconds;
		}

		@Override
		public void run() {
			while (this.running.get()) {
				try {
					Thread.sleep(TimeUnit.SECONDS.toMillis(this.everySeconds));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				if (!this.active) {
					continue;
				}
				String previous = this.bundle.getSerialNumber();
				this.scheduler.renewNow("server");
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
				while (this.bundle.getSerialNumber().equals(previous) && System.nanoTime() < deadline) {
					Thread.onSpinWait();
				}
				String serial = this.bundle.getSerialNumber();
				if (!serial.equals(previous)) {
					this.installed.put(new BigInteger(serial.replace(":", ""), 16), System.nanoTime());
				}
			}
		}

		void stop() {
			this.running.set(false);
		}

		int count() {
			return this.installed.size();
		}

		/**
		 * @param roundMillis how long a round lasts
		 * @return for each renewal served in the round it was installed in, ms from installed to
		 * first served (one installed at the very end of a round is first served in the next round
		 * of the renewing server, which says nothing of the reload: left out)
		 */
		List<Long> servedMillis(long roundMillis) {
			List<Long> millis = new ArrayList<>();
			this.installed.forEach((serial, at) -> {
				Long served = this.load.firstServed.get(serial);
				if (served != null && TimeUnit.NANOSECONDS.toMillis(served - at) < roundMillis) {
					millis.add(Math.max(0, TimeUnit.NANOSECONDS.toMillis(served - at)));
				}
			});
			Collections.sort(millis);
			return millis;
		}

	}

	record Options(int rounds, int warmups, int seconds, int threads, int renewEvery) {

		static Options parse(String[] args) {
			int rounds = 8;
			int warmups = 5;
			int seconds = 5;
			int threads = 4;
			int renewEvery = 3;
			for (int i = 0; i + 1 < args.length; i += 2) {
				int value = Integer.parseInt(args[i + 1]);
				switch (args[i]) {
					case "--rounds" -> rounds = value;
					case "--warmups" -> warmups = value;
					case "--seconds" -> seconds = value;
					case "--threads" -> threads = value;
					case "--renew-every" -> renewEvery = value;
					default -> throw new IllegalArgumentException("Unknown option " + args[i]
							+ "; use --rounds, --warmups, --seconds, --threads or --renew-every");
				}
			}
			return new Options(rounds, warmups, seconds, threads, renewEvery);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BenchApplication {

	}

}
