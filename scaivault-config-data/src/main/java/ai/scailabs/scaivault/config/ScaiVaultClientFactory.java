package ai.scailabs.scaivault.config;

import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.RequestListener;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultClientBuilder;

import org.springframework.boot.context.properties.PropertyMapper;

/**
 * Builds a {@link ScaiVaultClient} from {@link ScaiVaultProperties}. Used by the config data import
 * at bootstrap and by the auto-configuration, so that both configure the client the same way.
 *
 * <p>Only the settings that are set (and not blank) are passed to the builder: the builder falls back to the
 * environment variables {@code SCAIVAULT_BASE_URL}, {@code SCAIVAULT_TOKEN},
 * {@code SCAIKEY_CLIENT_ID} and {@code SCAIKEY_CLIENT_SECRET} for the others, and to its own
 * defaults for timeouts and retries.
 *
 * <pre class="code">
 * ScaiVaultClient client = new ScaiVaultClientFactory(properties)
 *     .sslContext(sslContext)
 *     .requestListener(listener)
 *     .customizer((builder) -&gt; builder.userAgent("my-app"))
 *     .createClient();
 * </pre>
 *
 * @author ScaiLabs
 */
public final class ScaiVaultClientFactory {

	/**
	 * Name of the {@link ScaiVaultClient} bean. The client that {@code spring.config.import=scaivault:...}
	 * builds at bootstrap is registered under this name before the context refreshes, so that
	 * auto-configuration ({@code @ConditionalOnMissingBean}) backs off and the application uses the
	 * same instance (one token exchange per process).
	 */
	public static final String CLIENT_BEAN_NAME = "scaiVaultClient";

	private final ScaiVaultProperties properties;

	private @Nullable SSLContext sslContext;

	private @Nullable RequestListener requestListener;

	private final List<ScaiVaultClientBuilderCustomizer> customizers = new ArrayList<>();

	/**
	 * Create a factory for the given properties.
	 * @param properties the properties, read when a client is created
	 */
	public ScaiVaultClientFactory(ScaiVaultProperties properties) {
		this.properties = properties;
	}

	/**
	 * Use the given SSL context, for instance one built from the {@code scaivault.ssl.bundle} bundle.
	 * @param sslContext the SSL context, or {@code null} for the JVM's default
	 * @return this factory
	 */
	public ScaiVaultClientFactory sslContext(@Nullable SSLContext sslContext) {
		this.sslContext = sslContext;
		return this;
	}

	/**
	 * Observe the client's requests with the given listener.
	 * @param requestListener the listener, or {@code null} for none
	 * @return this factory
	 */
	public ScaiVaultClientFactory requestListener(@Nullable RequestListener requestListener) {
		this.requestListener = requestListener;
		return this;
	}

	/**
	 * Apply the given customizer to the builder, after the properties.
	 * @param customizer the customizer
	 * @return this factory
	 */
	public ScaiVaultClientFactory customizer(ScaiVaultClientBuilderCustomizer customizer) {
		this.customizers.add(customizer);
		return this;
	}

	/**
	 * Apply the given customizers to the builder, in order, after the properties.
	 * @param customizers the customizers
	 * @return this factory
	 */
	public ScaiVaultClientFactory customizers(Iterable<? extends ScaiVaultClientBuilderCustomizer> customizers) {
		customizers.forEach(this.customizers::add);
		return this;
	}

	/**
	 * Return a builder configured from the properties, the SSL context, the listener and the
	 * customizers.
	 * @return a new configured builder
	 */
	public ScaiVaultClientBuilder createBuilder() {
		ScaiVaultProperties properties = this.properties;
		ScaiVaultClientBuilder builder = ScaiVaultClient.builder();
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::getBaseUrl).whenHasText().to(builder::baseUrl);
		map.from(properties::getToken).whenHasText().to(builder::token);
		map.from(properties::getClientId).whenHasText().to(builder::clientId);
		map.from(properties::getClientSecret).whenHasText().to(builder::clientSecret);
		map.from(properties::getTokenUri).whenHasText().to(builder::tokenUri);
		map.from(properties::getScope).whenHasText().to(builder::scope);
		map.from(properties::getTimeout).to(builder::timeout);
		map.from(properties::getConnectTimeout).to(builder::connectTimeout);
		ScaiVaultProperties.Retry retry = properties.getRetry();
		map.from(retry::getMaxRetries).to(builder::maxRetries);
		map.from(retry::getInitialInterval).to(builder::initialBackoff);
		map.from(retry::getMultiplier).to(builder::retryBackoff);
		map.from(retry::getMaxInterval).to(builder::maxBackoff);
		if (this.sslContext != null) {
			builder.sslContext(this.sslContext);
		}
		if (this.requestListener != null) {
			builder.requestListener(this.requestListener);
		}
		for (ScaiVaultClientBuilderCustomizer customizer : this.customizers) {
			customizer.customize(builder);
		}
		return builder;
	}

	/**
	 * Create a client.
	 * @return a new client
	 */
	public ScaiVaultClient createClient() {
		return createBuilder().build();
	}

}
