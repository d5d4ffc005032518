package ai.scailabs.scaivault.config.data;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import ai.scailabs.scaivault.client.RequestListener;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.config.ScaiVaultClientBuilderCustomizer;
import ai.scailabs.scaivault.config.ScaiVaultClientFactory;
import ai.scailabs.scaivault.config.env.ScaiVaultPropertySource;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.faults.Fault;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.BootstrapRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests of {@code spring.config.import=scaivault:...} against the embedded dev server,
 * over real HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScaiVaultConfigDataIntegrationTests {

	private static final String SKIP_WARNING = "Skipping unreadable paths of optional ScaiVault location";

	private static ScaiVaultDevServer server;

	private static ScaiVaultClient admin;

	private final List<Duration> sleeps = new ArrayList<>();

	@BeforeAll
	static void startServer() {
		server = ScaiVaultDevServer.builder()
			.client("shop", "shop-secret", "sa:shop")
			.seed("""
					{"policies": [{"name": "shop-read", "description": "what the shop may read",
					  "rules": [{"path_pattern": "integrations/**", "permissions": ["read"]},
					            {"path_pattern": "apps/shop/**", "permissions": ["read"]}],
					  "bindings": [{"identity_type": "service_account", "identity_id": "sa:shop"}]},
					 {"name": "test-readers", "description": "one identity per test, to count its requests",
					  "rules": [{"path_pattern": "**", "permissions": ["read"]}],
					  "bindings": [{"identity_type": "group", "identity_id": "group:readers"}]}]}
					""")
			.start();
		admin = ScaiVaultClient.builder().baseUrl(server.baseUrl()).token(server.rootToken()).maxRetries(0).build();
		Map<String, Object> oauth = new LinkedHashMap<>();
		oauth.put("client_id", "sf-client");
		oauth.put("client_secret", "sf-secret-value");
		oauth.put("endpoints", Map.of("login_url", "https://login.example"));
		oauth.put("scopes", List.of("api", "refresh_token"));
		admin.secrets().write("integrations/salesforce/oauth", oauth);
		admin.secrets().write("apps/shop/config", Map.of("greeting", "hello v1"));
		admin.secrets().write("apps/shop/config", Map.of("greeting", "hello v2"));
		admin.secrets().write("apps/shop/db", Map.of("username", "shop", "password", "db-secret-value"));
		admin.secrets().write("restricted/payments", Map.of("api_key", "payments-secret-value"));
		for (int i = 0; i < 50; i++) {
			admin.secrets().write(bulkPath(i), Map.of("value" + i, "v" + i));
		}
	}

	@AfterAll
	static void stopServer() {
		admin.close();
		server.close();
	}

	private String identity;

	private String token;

	@BeforeEach
	void newIdentity(TestInfo test) {
		// the dev server logs a request after answering it, so a previous test's last request may be
		// logged late: count only the requests of this test's own identity
		this.identity = "sa:" + test.getTestMethod().orElseThrow().getName();
		this.token = server.issueToken(this.identity, "group:readers");
	}

	@AfterEach
	void clearFaults() {
		server.faults().clear();
	}

	@Test
	void importBindsSnakeCaseKeysToValueAndConfigurationProperties() {
		try (ConfigurableApplicationContext context = run(token(),
				"--spring.config.import=scaivault:integrations/salesforce/oauth?prefix=salesforce.")) {
			Values values = context.getBean(Values.class);
			assertThat(values.kebab).isEqualTo("sf-client");
			assertThat(values.snake).isEqualTo("sf-client");
			SalesforceProperties salesforce = context.getBean(SalesforceProperties.class);
			assertThat(salesforce.getClientId()).isEqualTo("sf-client");
			assertThat(salesforce.getClientSecret()).isEqualTo("sf-secret-value");
			assertThat(salesforce.getEndpoints().getLoginUrl()).isEqualTo("https://login.example");
			assertThat(salesforce.getScopes()).containsExactly("api", "refresh_token");
			assertThat(context.getEnvironment().getProperty("salesforce.endpoints.login-url"))
				.isEqualTo("https://login.example");
		}
	}

	@Test
	void importGivesEveryValueAnOriginNamingPathAndVersion() {
		try (ConfigurableApplicationContext context = run(token(),
				"--spring.config.import=scaivault:integrations/salesforce/oauth?prefix=salesforce.")) {
			PropertySource<?> source = context.getEnvironment()
				.getPropertySources()
				.get("scaivault:integrations/salesforce/oauth?prefix=salesforce.");
			assertThat(source).isInstanceOf(ScaiVaultPropertySource.class);
			Origin origin = OriginLookup.getOrigin(source, "salesforce.client_id");
			assertThat(origin).hasToString("ScaiVault path integrations/salesforce/oauth, version 1");
			assertThat(source.toString()).doesNotContain("sf-secret-value");
		}
	}

	@Test
	void importWithVersionReadsThatVersion() {
		try (ConfigurableApplicationContext context = run(token(),
				"--spring.config.import=scaivault:apps/shop/config?version=1;apps/shop/db?prefix=db.,"
						+ "scaivault:apps/shop/config?prefix=current.")) {
			assertThat(context.getEnvironment().getProperty("greeting")).isEqualTo("hello v1");
			assertThat(context.getEnvironment().getProperty("current.greeting")).isEqualTo("hello v2");
			assertThat(context.getEnvironment().getProperty("db.username")).isEqualTo("shop");
		}
		assertThat(requestCount("GET", "/v1/secrets/apps/shop/config")).isEqualTo(1);
	}

	@Test
	void importWithPlaceholderResolvesIt() {
		try (ConfigurableApplicationContext context = run(token(), "--spring.application.name=shop",
				"--spring.config.import=scaivault:apps/${spring.application.name}/db;apps/${spring.application.name}/config")) {
			assertThat(context.getEnvironment().getProperty("username")).isEqualTo("shop");
			assertThat(context.getEnvironment().getProperty("greeting")).isEqualTo("hello v2");
		}
	}

	@Test
	void importOfFiftyPathsOverThreeLocationsMakesOneBatchRequest() {
		String first = IntStream.range(0, 20).mapToObj(ScaiVaultConfigDataIntegrationTests::bulkPath)
			.collect(Collectors.joining(";"));
		String second = IntStream.range(20, 40).mapToObj(ScaiVaultConfigDataIntegrationTests::bulkPath)
			.collect(Collectors.joining(";"));
		String third = IntStream.range(40, 50).mapToObj(ScaiVaultConfigDataIntegrationTests::bulkPath)
			.collect(Collectors.joining(";"));
		try (ConfigurableApplicationContext context = run(token(),
				"--spring.config.import=scaivault:" + first + ",scaivault:" + second + ",optional:scaivault:" + third)) {
			for (int i = 0; i < 50; i++) {
				assertThat(context.getEnvironment().getProperty("value" + i)).isEqualTo("v" + i);
			}
		}
		assertThat(requestCount("POST", "/v1/secrets/batch")).isEqualTo(1);
		assertThat(requestCount("GET", "/v1/secrets")).isZero();
	}

	@Test
	void importWhenOptionalPathIsMissingSkipsItWithOneWarning(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(token(),
				"--spring.config.import=optional:scaivault:apps/shop/missing;apps/shop/db")) {
			assertThat(context.getEnvironment().getProperty("username")).isEqualTo("shop");
		}
		assertThat(output.toString().lines().filter((line) -> line.contains(SKIP_WARNING)))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("apps/shop/missing (not_found, request id req_")
			.doesNotContain("apps/shop/db (");
	}

	@Test
	void importWhenPathIsDeniedFailsWithAnalysis(CapturedOutput output) {
		String token = server.issueToken("sa:shop");
		assertThatExceptionOfType(ScaiVaultImportException.class)
			.isThrownBy(() -> run(args("--scaivault.token=" + token),
					"--spring.config.import=scaivault:restricted/payments"))
			.satisfies((ex) -> {
				assertThat(ex.getFailures()).singleElement().satisfies((failure) -> {
					assertThat(failure.code()).isEqualTo("access_denied");
					assertThat(failure.requestId()).startsWith("req_");
				});
				FailureAnalysis analysis = new ScaiVaultImportFailureAnalyzer().analyze(ex);
				assertThat(analysis.getDescription()).contains("scaivault:restricted/payments")
					.contains("path restricted/payments")
					.contains("error code access_denied")
					.contains("request id " + ex.getFailures().get(0).requestId());
				assertThat(analysis.getAction())
					.contains("Bind a policy granting 'read' on 'restricted/payments'")
					.contains("spring.config.import=optional:scaivault:restricted/payments");
				assertThat(ex.getMessage()).doesNotContain("payments-secret-value");
			});
		assertThat(output).contains("APPLICATION FAILED TO START").contains("Bind a policy granting 'read'");
	}

	@Test
	void importWhenPathIsDeniedShowsNoSecretValueAndNoTokenAnywhere(CapturedOutput output) {
		String token = server.issueToken("sa:shop");
		assertThatExceptionOfType(ScaiVaultImportException.class)
			.isThrownBy(() -> run(args("--scaivault.token=" + token),
					"--spring.config.import=scaivault:apps/shop/db;restricted/payments"))
			.satisfies((ex) -> {
				FailureAnalysis analysis = new ScaiVaultImportFailureAnalyzer().analyze(ex);
				assertThat(List.of(analysis.getDescription(), analysis.getAction(), ex.getMessage(),
						ex.getFailures().toString()))
					.allSatisfy((text) -> assertThat(text).doesNotContain("payments-secret-value")
						.doesNotContain("db-secret-value")
						.doesNotContain(token));
			});
		assertThat(output).contains("APPLICATION FAILED TO START")
			.doesNotContain("payments-secret-value")
			.doesNotContain("db-secret-value")
			.doesNotContain(token);
	}

	@Test
	void importWhenCredentialsAreWrongShowsNeitherClientSecretNorToken(CapturedOutput output) {
		String wrongSecret = "wrong-client-secret-value";
		String wrongToken = "svt_wrong-token-value";
		assertThatExceptionOfType(ScaiVaultImportException.class)
			.isThrownBy(() -> run(List.of("--scaivault.base-url=" + server.baseUrl(), "--scaivault.client-id=shop",
					"--scaivault.client-secret=" + wrongSecret, "--scaivault.config.retry.max-attempts=1"),
					"--spring.config.import=scaivault:apps/shop/db"))
			.satisfies((ex) -> assertNoCredentialIn(ex, wrongSecret));
		assertThatExceptionOfType(ScaiVaultImportException.class)
			.isThrownBy(() -> run(List.of("--scaivault.base-url=" + server.baseUrl(), "--scaivault.token=" + wrongToken,
					"--scaivault.config.retry.max-attempts=1"), "--spring.config.import=scaivault:apps/shop/db"))
			.satisfies((ex) -> assertNoCredentialIn(ex, wrongToken));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.doesNotContain(wrongSecret)
			.doesNotContain(wrongToken)
			.doesNotContain("db-secret-value");
	}

	private static void assertNoCredentialIn(ScaiVaultImportException ex, String credential) {
		FailureAnalysis analysis = new ScaiVaultImportFailureAnalyzer().analyze(ex);
		assertThat(analysis.getAction()).contains("scaivault.token");
		assertThat(List.of(analysis.getDescription(), analysis.getAction(), ex.getMessage(),
				ex.getFailures().toString()))
			.allSatisfy((text) -> assertThat(text).doesNotContain(credential).doesNotContain("db-secret-value"));
	}

	@Test
	void importWhenPathIsMissingFailsWithAnalysisSayingCreateTheSecret() {
		assertThatExceptionOfType(ScaiVaultImportException.class)
			.isThrownBy(() -> run(token(), "--spring.config.import=scaivault:apps/shop/db;apps/shop/nothing"))
			.satisfies((ex) -> {
				assertThat(ex.getFailures()).extracting(ImportFailure::path).containsExactly("apps/shop/nothing");
				FailureAnalysis analysis = new ScaiVaultImportFailureAnalyzer().analyze(ex);
				assertThat(analysis.getDescription()).contains("path apps/shop/nothing")
					.contains("the secret does not exist")
					.contains("error code not_found");
				assertThat(analysis.getAction()).contains("Create the secret at 'apps/shop/nothing'")
					.contains("optional:");
			});
	}

	@Test
	void importWhenServiceIsUnavailableRetriesWithBackoffThenLoads() {
		server.faults().add(Fault.unavailable().forPath("/v1/secrets/batch").onRequests(1, 2));
		try (ConfigurableApplicationContext context = run(token(), "--scaivault.retry.max-retries=0",
				"--scaivault.config.retry.initial-interval=2s", "--scaivault.config.retry.multiplier=2",
				"--spring.config.import=scaivault:apps/shop/db")) {
			assertThat(context.getEnvironment().getProperty("username")).isEqualTo("shop");
		}
		// full jitter: a random wait up to 2 s, then up to 4 s
		assertThat(this.sleeps).hasSize(2);
		assertThat(this.sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(2));
		assertThat(this.sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofSeconds(4));
		// the two 503 answers are logged without identity; the sleeps show they were retried
		assertThat(requestCount("POST", "/v1/secrets/batch")).isEqualTo(1);
	}

	@Test
	void importWhenRateLimitedWaitsRetryAfterPlusJitterAndPromotesItsAttempts() {
		server.faults().add(Fault.rateLimited(Duration.ofSeconds(3)).forPath("/v1/secrets/batch").onRequests(1));
		try (ConfigurableApplicationContext context = run(token(),
				(registry) -> registry.register(StartupJitter.class, BootstrapRegistry.InstanceSupplier.of(() -> 0.5)),
				"--scaivault.retry.max-retries=0", "--scaivault.config.retry.initial-interval=2s",
				"--spring.config.import=scaivault:apps/shop/db")) {
			assertThat(context.getEnvironment().getProperty("username")).isEqualTo("shop");
			assertThat(this.sleeps).containsExactly(Duration.ofSeconds(4));
			StartupAttempts attempts = context.getBean(StartupAttempts.BEAN_NAME, StartupAttempts.class);
			assertThat(attempts.getAttempts()).isEqualTo(2);
			assertThat(attempts.getRateLimited()).isEqualTo(1);
			assertThat(attempts.getSuccessful()).isEqualTo(1);
			assertThat(attempts.getRetries()).isEqualTo(1);
			assertThat(attempts.getWaitTime()).isEqualTo(Duration.ofSeconds(4));
		}
	}

	@Test
	void importWhenServerIsUnreachableAndRequiredFailsAfterRetries() throws IOException {
		String url = "http://127.0.0.1:" + freePort();
		assertThatExceptionOfType(ScaiVaultImportException.class)
			.isThrownBy(() -> run(List.of("--scaivault.base-url=" + url, "--scaivault.token=t",
					"--scaivault.retry.max-retries=0", "--scaivault.config.retry.max-attempts=3"),
					"--spring.config.import=scaivault:apps/shop/db"))
			.satisfies((ex) -> {
				assertThat(ex.getFailures()).singleElement()
					.satisfies((failure) -> assertThat(failure.code()).isEqualTo("connection_error"));
				FailureAnalysis analysis = new ScaiVaultImportFailureAnalyzer().analyze(ex);
				assertThat(analysis.getAction()).contains("scaivault.base-url");
			});
		assertThat(this.sleeps).hasSize(2);
	}

	@Test
	void importWhenServerIsUnreachableFailsWithinTheStartupBudget() throws IOException {
		String url = "http://127.0.0.1:" + freePort();
		StartupRetryTests.FakeSleeper sleeper = new StartupRetryTests.FakeSleeper();
		Instant start = sleeper.now();
		assertThatExceptionOfType(ScaiVaultImportException.class)
			.isThrownBy(() -> run(List.of("--scaivault.base-url=" + url, "--scaivault.token=t",
					"--scaivault.config.retry.budget=15s", "--scaivault.config.retry.max-attempts=1000",
					"--scaivault.config.retry.initial-interval=1s", "--scaivault.config.retry.multiplier=2"),
					(registry) -> registry.register(StartupSleeper.class, BootstrapRegistry.InstanceSupplier.of(sleeper)),
					"--spring.config.import=scaivault:apps/shop/db"))
			.satisfies((ex) -> assertThat(ex.getFailures()).singleElement()
				.satisfies((failure) -> assertThat(failure.code()).isEqualTo("connection_error")));
		assertThat(sleeper.sleeps).isNotEmpty();
		assertThat(Duration.between(start, sleeper.now())).isLessThanOrEqualTo(Duration.ofSeconds(15));
	}

	@Test
	void importWhenServerIsUnreachableAndOptionalStartsWithOneWarning(CapturedOutput output) throws IOException {
		String url = "http://127.0.0.1:" + freePort();
		try (ConfigurableApplicationContext context = run(
				List.of("--scaivault.base-url=" + url, "--scaivault.token=t", "--scaivault.retry.max-retries=0",
						"--scaivault.config.retry.max-attempts=2"),
				"--spring.config.import=optional:scaivault:apps/shop/db")) {
			assertThat(context.getEnvironment().getProperty("username")).isNull();
		}
		assertThat(output.toString().lines().filter((line) -> line.contains(SKIP_WARNING))).hasSize(1);
		assertThat(this.sleeps).hasSize(1);
	}

	@Test
	void importRegistersTheBootstrapClientAsBeanWithOneTokenExchange() {
		AtomicReference<ScaiVaultClient> bootstrapClient = new AtomicReference<>();
		int tokenRequests = server.requestCount("POST", "/oauth/token");
		try (ConfigurableApplicationContext context = run(
				List.of("--scaivault.base-url=" + server.baseUrl(), "--scaivault.client-id=shop",
						"--scaivault.client-secret=shop-secret"),
				(registry) -> registry.addCloseListener((event) -> bootstrapClient
					.set(event.getBootstrapContext().get(ScaiVaultClient.class))),
				"--spring.config.import=scaivault:integrations/salesforce/oauth?prefix=salesforce.")) {
			ScaiVaultClient bean = context.getBean(ScaiVaultClientFactory.CLIENT_BEAN_NAME, ScaiVaultClient.class);
			assertThat(bean).isSameAs(bootstrapClient.get()).isSameAs(context.getBean(ScaiVaultClient.class));
			assertThat(bean.secrets().read("apps/shop/db").data()).containsKey("username");
			assertThat(server.requestCount("POST", "/oauth/token") - tokenRequests).isEqualTo(1);
			assertThat(context.getBean(RecordingRequestListener.class).operations).containsExactly("secrets.read");
		}
	}

	@Test
	void importWhenNoCredentialsAreConfiguredFailsWithAnalysis() {
		ScaiVaultClientBuilderCustomizer noEnvironment = (builder) -> builder.environment((name) -> null);
		assertThatExceptionOfType(ScaiVaultImportException.class)
			.isThrownBy(() -> run(List.of("--scaivault.base-url=" + server.baseUrl()),
					(registry) -> registry.register(ScaiVaultClientBuilderCustomizer.class,
							BootstrapRegistry.InstanceSupplier.of(noEnvironment)),
					"--spring.config.import=scaivault:apps/shop/db"))
			.satisfies((ex) -> {
				assertThat(ex.getFailures()).singleElement()
					.satisfies((failure) -> assertThat(failure.code()).isEqualTo("validation_error"));
				FailureAnalysis analysis = new ScaiVaultImportFailureAnalyzer().analyze(ex);
				assertThat(analysis.getDescription()).contains("No ScaiVault credentials");
				assertThat(analysis.getAction()).contains("Check the scaivault.* settings");
			});
		assertThat(requestCount(null, "/")).isZero();
	}

	@Test
	void importWhenDisabledReadsNothing() {
		try (ConfigurableApplicationContext context = run(token(), "--scaivault.config.enabled=false",
				"--spring.config.import=scaivault:apps/shop/db")) {
			assertThat(context.getEnvironment().getProperty("username")).isNull();
			assertThat(context.containsBean(ScaiVaultClientFactory.CLIENT_BEAN_NAME)).isFalse();
		}
		assertThat(requestCount(null, "/")).isZero();
	}

	@Test
	void importWhenLocationIsInvalidFailsNamingIt() {
		assertThatExceptionOfType(InvalidScaiVaultLocationException.class)
			.isThrownBy(() -> run(token(), "--spring.config.import=scaivault:apps/shop/db?version=latest"))
			.withMessageContaining("'scaivault:apps/shop/db?version=latest'")
			.satisfies((ex) -> assertThat(new InvalidScaiVaultLocationFailureAnalyzer().analyze(ex).getAction())
				.contains("scaivault:<path>"));
	}

	private ConfigurableApplicationContext run(List<String> settings, String... args) {
		return run(settings, (registry) -> {
		}, args);
	}

	private ConfigurableApplicationContext run(List<String> settings, Consumer<BootstrapRegistry> bootstrap,
			String... args) {
		List<String> all = new ArrayList<>(settings);
		all.add("--spring.main.banner-mode=off");
		all.addAll(Arrays.asList(args));
		SpringApplication application = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.build();
		application.addBootstrapRegistryInitializer((registry) -> {
			registry.register(StartupSleeper.class, BootstrapRegistry.InstanceSupplier.of(this.sleeps::add));
			bootstrap.accept(registry);
		});
		return application.run(all.toArray(String[]::new));
	}

	private List<String> token() {
		return args("--scaivault.token=" + this.token);
	}

	private long requestCount(@Nullable String method, String pathPrefix) {
		return server.requestLog()
			.entries()
			.stream()
			.filter((request) -> this.identity.equals(request.identityId()))
			.filter((request) -> method == null || method.equals(request.method()))
			.filter((request) -> request.path().startsWith(pathPrefix))
			.count();
	}

	private static List<String> args(String token) {
		return List.of("--scaivault.base-url=" + server.baseUrl(), token);
	}

	private static String bulkPath(int i) {
		return "bulk/p%02d".formatted(i);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SalesforceProperties.class)
	static class TestApplication {

		@Bean
		RecordingRequestListener recordingRequestListener() {
			return new RecordingRequestListener();
		}

		@Bean
		Values values(@Value("${salesforce.client-id:}") String kebab, @Value("${salesforce.client_id:}") String snake) {
			return new Values(kebab, snake);
		}

	}

	static class RecordingRequestListener implements RequestListener {

		final List<String> operations = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void onStart(String operation, String method) {
			this.operations.add(operation);
		}

	}

	record Values(String kebab, String snake) {

		@Override
		public String toString() {
			return "Values";
		}

	}

	@ConfigurationProperties("salesforce")
	public static class SalesforceProperties {

		private @Nullable String clientId;

		private @Nullable String clientSecret;

		private final Endpoints endpoints = new Endpoints();

		private List<String> scopes = new ArrayList<>();

		public @Nullable String getClientId() {
			return this.clientId;
		}

		public void setClientId(@Nullable String clientId) {
			this.clientId = clientId;
		}

		public @Nullable String getClientSecret() {
			return this.clientSecret;
		}

		public void setClientSecret(@Nullable String clientSecret) {
			this.clientSecret = clientSecret;
		}

		public Endpoints getEndpoints() {
			return this.endpoints;
		}

		public List<String> getScopes() {
			return this.scopes;
		}

		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

		public static class Endpoints {

			private @Nullable String loginUrl;

			public @Nullable String getLoginUrl() {
				return this.loginUrl;
			}

			public void setLoginUrl(@Nullable String loginUrl) {
				this.loginUrl = loginUrl;
			}

		}

	}

}
