package ai.scailabs.scaivault.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.devserver.audit.AuditFeature;
import ai.scailabs.scaivault.devserver.audit.AuditLog;
import ai.scailabs.scaivault.devserver.auth.ClientRegistration;
import ai.scailabs.scaivault.devserver.auth.ClientRegistry;
import ai.scailabs.scaivault.devserver.auth.OAuthTokenFeature;
import ai.scailabs.scaivault.devserver.auth.Principal;
import ai.scailabs.scaivault.devserver.auth.TokenStore;
import ai.scailabs.scaivault.devserver.events.EventsFeature;
import ai.scailabs.scaivault.devserver.faults.Fault;
import ai.scailabs.scaivault.devserver.faults.Faults;
import ai.scailabs.scaivault.devserver.faults.FaultsFeature;
import ai.scailabs.scaivault.devserver.faults.RequestLog;
import ai.scailabs.scaivault.devserver.health.HealthFeature;
import ai.scailabs.scaivault.devserver.http.ApiResponse;
import ai.scailabs.scaivault.devserver.http.DispatchResult;
import ai.scailabs.scaivault.devserver.http.Dispatcher;
import ai.scailabs.scaivault.devserver.http.IncomingRequest;
import ai.scailabs.scaivault.devserver.http.Router;
import ai.scailabs.scaivault.devserver.http.Routes;
import ai.scailabs.scaivault.devserver.policy.PolicyAccessControl;
import ai.scailabs.scaivault.devserver.policy.PolicyFeature;
import ai.scailabs.scaivault.devserver.policy.PolicyStore;
import ai.scailabs.scaivault.devserver.rotation.RotationFeature;
import ai.scailabs.scaivault.devserver.secrets.SecretStore;
import ai.scailabs.scaivault.devserver.secrets.SecretsFeature;
import ai.scailabs.scaivault.devserver.seed.SeedLoader;
import ai.scailabs.scaivault.devserver.time.DevClock;
import ai.scailabs.scaivault.devserver.tls.DevTls;

/**
 * An embedded, in-memory ScaiVault that serves the v1 contract over real HTTP on the loopback
 * interface, for development and tests. <strong>Never for production</strong>: nothing is
 * persisted and nothing is protected beyond the contract's checks.
 *
 * <pre class="code">
 * try (ScaiVaultDevServer server = ScaiVaultDevServer.builder()
 *         .client("reporting", "s3cret", "sa:reporting-service")
 *         .start()) {
 *     String url = server.baseUrl();
 *     String token = server.rootToken();
 * }
 * </pre>
 */
public final class ScaiVaultDevServer implements AutoCloseable {

	/** The version that {@code /v1/health} reports. */
	public static final String VERSION = "0.1.0-dev";

	private static final System.Logger logger = System.getLogger(ScaiVaultDevServer.class.getName());

	private final HttpServer server;

	private final ExecutorService executor;

	private final ScheduledExecutorService ticker;

	private final DevServerContext context;

	private final Router router;

	private final Dispatcher dispatcher;

	private final TokenStore tokens;

	private final ClientRegistry clients;

	private final PolicyStore policies;

	private final Faults faults;

	private final RequestLog requestLog;

	private final String rootToken;

	private final Duration tokenLifetime;

	private final Duration webhookRetryBaseDelay;

	private final Duration acmeDelay;

	private final @Nullable DevTls tls;

	private volatile boolean closed;

	private ScaiVaultDevServer(Builder builder) throws IOException {
		DevClock clock = (builder.clock != null) ? builder.clock : new DevClock();
		SecureRandom random = new SecureRandom();
		JsonMapper json = createJsonMapper();
		this.tokenLifetime = builder.tokenLifetime;
		this.webhookRetryBaseDelay = builder.webhookRetryBaseDelay;
		this.acmeDelay = builder.acmeDelay;
		this.tokens = new TokenStore(clock, random);
		this.rootToken = (builder.rootToken != null) ? builder.rootToken : randomRootToken(random);
		this.tokens.registerRoot(this.rootToken);
		this.clients = new ClientRegistry();
		builder.clients.forEach(this.clients::register);
		this.faults = new Faults();
		builder.faults.forEach(this.faults::add);
		this.requestLog = new RequestLog();
		this.policies = new PolicyStore();
		AuditLog audit = new AuditLog(clock);
		this.router = new Router();
		this.dispatcher = new Dispatcher(this.router, this.tokens, json);
		this.tls = builder.https ? DevTls.create() : null;
		InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port);
		if (this.tls != null) {
			HttpsServer https = HttpsServer.create(address, 1024);
			https.setHttpsConfigurator(new HttpsConfigurator(this.tls.serverContext()));
			this.server = https;
		}
		else {
			this.server = HttpServer.create(address, 1024);
		}
		String baseUrl = (builder.https ? "https" : "http") + "://127.0.0.1:" + this.server.getAddress().getPort();
		this.context = new DevServerContext(clock, json, new PolicyAccessControl(this.policies, audit),
				new DevServerEvents(), audit, random, baseUrl, new ConcurrentLinkedDeque<>());
		registerFeatures(this.context, this.router);
		for (BiConsumer<DevServerContext, Routes> extra : builder.extraRoutes) {
			extra.accept(this.context, this.router);
		}
		this.executor = Executors.newFixedThreadPool(builder.threads, daemonThreads("scaivault-dev-http"));
		this.server.setExecutor(this.executor);
		this.server.createContext("/", new ExchangeHandler(this.dispatcher, this.faults, this.requestLog, json, clock));
		this.ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("scaivault-dev-ticker"));
	}

	/**
	 * Construct and register every feature. Features: one line each.
	 * @param context the context
	 * @param routes the routes
	 */
	private void registerFeatures(DevServerContext context, Routes routes) {
		// features: one line each
		new HealthFeature(VERSION).register(routes);
		new OAuthTokenFeature(this.clients, this.tokens, this.tokenLifetime).register(routes);
		new PolicyFeature(context, this.policies, this::groupsOf).register(routes);
		new AuditFeature(context).register(routes);
		new FaultsFeature(this.faults).register(routes);
		new ai.scailabs.scaivault.devserver.pki.PkiFeature(context).register(routes);
		new ai.scailabs.scaivault.devserver.acme.AcmeFeature(context, this.acmeDelay).register(routes);
		SecretStore secrets = SecretsFeature.register(context, routes);
		RotationFeature.register(context, routes, secrets);
		EventsFeature.register(context, routes, this.webhookRetryBaseDelay);
		ai.scailabs.scaivault.devserver.dynamic.DynamicSecretsFeature.register(context, routes);
	}

	private Set<String> groupsOf(String identityId) {
		Set<String> groups = new java.util.TreeSet<>(this.clients.groupsOf(identityId));
		groups.addAll(this.tokens.groupsOf(identityId));
		return groups;
	}

	static JsonMapper createJsonMapper() {
		return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
	}

	private static String randomRootToken(SecureRandom random) {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return "svroot_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static ThreadFactory daemonThreads(String name) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private void start(Builder builder) {
		this.server.start();
		this.ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
		logger.log(System.Logger.Level.WARNING, "ScaiVault DEV server at " + baseUrl()
				+ ": in-memory, for development and tests only, never for production");
		for (String seed : builder.seeds) {
			SeedLoader.apply(seed, this);
		}
	}

	private void tick() {
		if (!this.closed) {
			this.context.clock().tick();
		}
	}

	/** @return a new builder */
	public static Builder builder() {
		return new Builder();
	}

	/** @return the base URL, such as {@code http://127.0.0.1:54321} */
	public String baseUrl() {
		return this.context.baseUrl();
	}

	/** @return the port the server listens on */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/** @return the root token, which is allowed everything */
	public String rootToken() {
		return this.rootToken;
	}

	/** @return the dev clock; move it with {@link DevClock#advance} instead of sleeping */
	public DevClock clock() {
		return this.context.clock();
	}

	/** @return the context handed to features */
	public DevServerContext context() {
		return this.context;
	}

	/** @return the lifetime of tokens from {@code /oauth/token} */
	public Duration tokenLifetime() {
		return this.tokenLifetime;
	}

	/**
	 * Mint a token directly, without the token endpoint.
	 * @param identityId the identity, such as {@code sa:reporting-service}
	 * @param groups its groups, such as {@code group:developers}
	 * @param mfa whether the token says the caller passed MFA
	 * @param lifetime how long it lives on the dev clock
	 * @return the bearer token
	 */
	public String issueToken(String identityId, Set<String> groups, boolean mfa, Duration lifetime) {
		return this.tokens.issue(identityId, groups, mfa, lifetime).token();
	}

	/**
	 * Mint a token without MFA that lives for the configured token lifetime.
	 * @param identityId the identity
	 * @param groups its groups
	 * @return the bearer token
	 */
	public String issueToken(String identityId, String... groups) {
		return issueToken(identityId, Set.of(groups), false, this.tokenLifetime);
	}

	/**
	 * Forget a token, so that it answers {@code authentication_required}.
	 * @param token the token
	 */
	public void revokeToken(String token) {
		this.tokens.revoke(token);
	}

	/**
	 * Register another client of the client-credentials grant.
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @param identityId the identity its tokens carry
	 * @param groups the groups its tokens carry
	 */
	public void addClient(String clientId, String clientSecret, String identityId, String... groups) {
		this.clients.register(new ClientRegistration(clientId, clientSecret, identityId, Set.of(groups)));
	}

	/** @return the faults to inject; add and clear them at any time */
	public Faults faults() {
		return this.faults;
	}

	/** @return the requests received so far */
	public RequestLog requestLog() {
		return this.requestLog;
	}

	/**
	 * @param method the method, or {@code null} for any
	 * @param pathPrefix the path prefix, such as {@code /v1/secrets/batch}
	 * @return how many requests matched so far
	 */
	public int requestCount(@Nullable String method, String pathPrefix) {
		return this.requestLog.count(method, pathPrefix);
	}

	/** @return the audit trail */
	public AuditLog audit() {
		return this.context.audit();
	}

	/** @return the policies */
	public PolicyStore policies() {
		return this.policies;
	}

	/** @return the event hub; subscribe to observe published events */
	public DevServerEvents events() {
		return this.context.events();
	}

	/** @return the registered routes, as {@code METHOD pattern} */
	public List<String> routes() {
		return this.router.describe();
	}

	/** @return whether the server speaks HTTPS */
	public boolean https() {
		return this.tls != null;
	}

	/**
	 * @return the PEM of the dev CA that issued the server certificate
	 * @throws IllegalStateException when the server speaks plain HTTP
	 */
	public String caCertificatePem() {
		return requireTls().caCertificatePem();
	}

	/**
	 * @return a client {@link SSLContext} that trusts the dev CA
	 * @throws IllegalStateException when the server speaks plain HTTP
	 */
	public SSLContext sslContext() {
		return requireTls().clientContext();
	}

	private DevTls requireTls() {
		if (this.tls == null) {
			throw new IllegalStateException("The dev server speaks plain HTTP; build it with .https(true)");
		}
		return this.tls;
	}

	/**
	 * Dispatch a request internally, as root, through the router (no HTTP, no faults, no request
	 * log). Used to apply seed files.
	 * @param method the method
	 * @param path the raw path, such as {@code /v1/policies}
	 * @param jsonBody the JSON body, or {@code null}
	 * @return the response
	 */
	public ApiResponse dispatchAsRoot(String method, String path, @Nullable String jsonBody) {
		int query = path.indexOf('?');
		String rawPath = (query < 0) ? path : path.substring(0, query);
		String rawQuery = (query < 0) ? null : path.substring(query + 1);
		byte[] body = (jsonBody != null) ? jsonBody.getBytes(StandardCharsets.UTF_8) : new byte[0];
		Principal root = new Principal("root", Set.of(), true, true);
		DispatchResult result = this.dispatcher.dispatch(new IncomingRequest(method, rawPath, rawQuery,
				Map.of("content-type", "application/json"), body, InetAddress.getLoopbackAddress(),
				ExchangeHandler.newRequestId(), root));
		return result.response();
	}

	/**
	 * Apply a seed (JSON, see {@link SeedLoader}).
	 * @param json the seed
	 */
	public void seed(String json) {
		SeedLoader.apply(json, this);
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.server.stop(0);
		this.ticker.shutdownNow();
		this.executor.shutdownNow();
		for (AutoCloseable closeable : this.context.closeables()) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				logger.log(System.Logger.Level.WARNING, "Dev server could not close " + closeable.getClass().getName(),
						ex);
			}
		}
	}

	/**
	 * Builds and starts a {@link ScaiVaultDevServer}.
	 */
	public static final class Builder {

		private int port;

		private @Nullable String rootToken;

		private Duration tokenLifetime = Duration.ofHours(1);

		private final List<ClientRegistration> clients = new ArrayList<>();

		private final List<Fault> faults = new ArrayList<>();

		private final List<String> seeds = new ArrayList<>();

		private boolean https;

		private int threads = 64;

		private Duration webhookRetryBaseDelay = Duration.ofSeconds(1);

		private Duration acmeDelay = Duration.ofSeconds(2);

		private @Nullable DevClock clock;

		private final List<BiConsumer<DevServerContext, Routes>> extraRoutes = new ArrayList<>();

		private Builder() {
		}

		/**
		 * @param port the port, or {@code 0} (the default) for a random free port
		 * @return this
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Port must be 0..65535, not " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * @param rootToken the root token (default: random)
		 * @return this
		 */
		public Builder rootToken(String rootToken) {
			if (rootToken.isBlank()) {
				throw new IllegalArgumentException("The root token must not be blank");
			}
			this.rootToken = rootToken;
			return this;
		}

		/**
		 * @param tokenLifetime lifetime of tokens from {@code /oauth/token} (default 1 hour), on the dev clock
		 * @return this
		 */
		public Builder tokenLifetime(Duration tokenLifetime) {
			if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
				throw new IllegalArgumentException("The token lifetime must be positive");
			}
			this.tokenLifetime = tokenLifetime;
			return this;
		}

		/**
		 * Add a client of the client-credentials grant.
		 * @param clientId the client id
		 * @param clientSecret the client secret
		 * @param identityId the identity its tokens carry, such as {@code sa:reporting-service}
		 * @param groups the groups its tokens carry, such as {@code group:developers}
		 * @return this
		 */
		public Builder client(String clientId, String clientSecret, String identityId, String... groups) {
			this.clients.add(new ClientRegistration(clientId, clientSecret, identityId, Set.of(groups)));
			return this;
		}

		/**
		 * @param fault a fault to inject from the start
		 * @return this
		 */
		public Builder fault(Fault fault) {
			this.faults.add(fault);
			return this;
		}

		/**
		 * @param https whether to serve HTTPS with a certificate of the server's own dev CA
		 * @return this
		 */
		public Builder https(boolean https) {
			this.https = https;
			return this;
		}

		/**
		 * @param seedFile a seed file to apply at start
		 * @return this
		 */
		public Builder seed(Path seedFile) {
			try {
				this.seeds.add(Files.readString(seedFile));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read seed file " + seedFile, ex);
			}
			return this;
		}

		/**
		 * @param json a seed (JSON) to apply at start
		 * @return this
		 */
		public Builder seed(String json) {
			this.seeds.add(json);
			return this;
		}

		/**
		 * @param threads how many threads answer requests (default 64)
		 * @return this
		 */
		public Builder threads(int threads) {
			if (threads < 1) {
				throw new IllegalArgumentException("Threads must be at least 1");
			}
			this.threads = threads;
			return this;
		}

		/**
		 * @param delay the delay before the first webhook retry, doubled on each further try (default 1 s;
		 * tests use a few milliseconds)
		 * @return this
		 */
		public Builder webhookRetryBaseDelay(Duration delay) {
			this.webhookRetryBaseDelay = delay;
			return this;
		}

		/**
		 * @param delay how long, on the dev clock, an ACME order takes from {@code pending} to
		 * {@code valid} (default 2 s; tests move the clock with {@code clock().advance})
		 * @return this
		 */
		public Builder acmeDelay(Duration delay) {
			if (delay.isNegative()) {
				throw new IllegalArgumentException("The ACME delay must not be negative");
			}
			this.acmeDelay = delay;
			return this;
		}

		/**
		 * Register extra routes, after the features (for example a test-only route that checks
		 * {@code context.accessControl()}).
		 * @param routes what registers them
		 * @return this
		 */
		public Builder routes(BiConsumer<DevServerContext, Routes> routes) {
			this.extraRoutes.add(routes);
			return this;
		}

		/**
		 * @param clock the clock to use (default: a new one)
		 * @return this
		 */
		public Builder clock(DevClock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Start the server.
		 * @return the running server; close it when done
		 */
		public ScaiVaultDevServer start() {
			if (System.getProperty("sun.net.httpserver.nodelay") == null) {
				// without it, small responses wait for delayed ACKs on keep-alive connections
				System.setProperty("sun.net.httpserver.nodelay", "true");
			}
			ScaiVaultDevServer server;
			try {
				server = new ScaiVaultDevServer(this);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the ScaiVault dev server on port " + this.port, ex);
			}
			try {
				server.start(this);
			}
			catch (RuntimeException ex) {
				server.close();
				throw ex;
			}
			return server;
		}

	}

}
