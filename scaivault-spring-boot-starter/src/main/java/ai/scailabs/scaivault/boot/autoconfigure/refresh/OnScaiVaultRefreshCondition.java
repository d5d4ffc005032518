package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.boot.autoconfigure.refresh.ScaiVaultRefreshProperties.Registration;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when live rotation has something to do: the environment holds a {@code scaivault:}
 * import, or a webhook secret is set (the application receives events for its other features). An
 * application with neither pays nothing: no thread, no endpoint, no request.
 *
 * @author ScaiLabs
 */
class OnScaiVaultRefreshCondition extends SpringBootCondition {

	/** The environment variable the webhook secret defaults to, as in the walk-through. */
	static final String SECRET_VARIABLE = "SCAIVAULT_WEBHOOK_SECRET";

	static final String SECRET_PROPERTY = ScaiVaultRefreshProperties.PREFIX + ".webhook.secret";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("ScaiVault refresh");
		Environment environment = context.getEnvironment();
		if (environment instanceof ConfigurableEnvironment configurable && ImportedSecretSources.hasImports(configurable)) {
			return ConditionOutcome.match(message.found("property source").items("scaivault: import"));
		}
		if (webhookSecret(environment) != null) {
			return ConditionOutcome.match(message.found("property").items(SECRET_PROPERTY));
		}
		return ConditionOutcome.noMatch(message.didNotFind("scaivault: import or webhook secret").atAll());
	}

	/**
	 * Return the webhook secret: {@code scaivault.refresh.webhook.secret}, else
	 * {@code SCAIVAULT_WEBHOOK_SECRET}.
	 * @param environment the environment
	 * @return the secret, or {@code null} when neither is set
	 */
	static @Nullable String webhookSecret(Environment environment) {
		String secret = environment.getProperty(SECRET_PROPERTY);
		if (!StringUtils.hasText(secret)) {
			secret = environment.getProperty(SECRET_VARIABLE);
		}
		return StringUtils.hasText(secret) ? secret : null;
	}

	/**
	 * Matches when a webhook secret is set, so that deliveries can be verified.
	 */
	static class OnWebhookSecret extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("ScaiVault webhook secret");
			return (webhookSecret(context.getEnvironment()) != null)
					? ConditionOutcome.match(message.found("property").items(SECRET_PROPERTY))
					: ConditionOutcome.noMatch(message.didNotFind("property").items(SECRET_PROPERTY, SECRET_VARIABLE));
		}

	}

	/**
	 * Matches when a callback URL and a webhook secret are set, so that the application can
	 * register its own subscription. The URL is not resolved here: it may name
	 * {@code ${local.server.port}}, known only once the server runs.
	 */
	static class OnSelfRegistration extends SpringBootCondition {

		static final String CALLBACK_URL_PROPERTY = ScaiVaultRefreshProperties.PREFIX + ".webhook.callback-url";

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("ScaiVault self-registration");
			Environment environment = context.getEnvironment();
			if (!environment.containsProperty(CALLBACK_URL_PROPERTY)) {
				return ConditionOutcome.noMatch(message.didNotFind("property").items(CALLBACK_URL_PROPERTY));
			}
			return (webhookSecret(environment) != null)
					? ConditionOutcome.match(message.found("property").items(CALLBACK_URL_PROPERTY, SECRET_PROPERTY))
					: ConditionOutcome.noMatch(message.didNotFind("property").items(SECRET_PROPERTY, SECRET_VARIABLE));
		}

	}

	/**
	 * Matches self-registration ({@link OnSelfRegistration}) in one
	 * {@code scaivault.refresh.webhook.registration} mode. A value that does not bind matches
	 * {@code shared}, so that binding {@link ScaiVaultRefreshProperties} reports it.
	 */
	abstract static class OnRegistration extends OnSelfRegistration {

		static final String REGISTRATION_PROPERTY = ScaiVaultRefreshProperties.PREFIX + ".webhook.registration";

		private final Registration mode;

		OnRegistration(Registration mode) {
			this.mode = mode;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionOutcome selfRegistration = super.getMatchOutcome(context, metadata);
			if (!selfRegistration.isMatch()) {
				return selfRegistration;
			}
			ConditionMessage.Builder message = ConditionMessage.forCondition("ScaiVault registration", this.mode);
			Registration registration = registration(context.getEnvironment());
			return (registration == this.mode)
					? ConditionOutcome.match(message.found(REGISTRATION_PROPERTY).items(registration))
					: ConditionOutcome.noMatch(message.found(REGISTRATION_PROPERTY).items(registration));
		}

		private static Registration registration(Environment environment) {
			try {
				return Binder.get(environment).bind(REGISTRATION_PROPERTY, Registration.class).orElse(Registration.SHARED);
			}
			catch (BindException ex) {
				return Registration.SHARED;
			}
		}

	}

	/**
	 * Matches {@code scaivault.refresh.webhook.registration=shared}, the default.
	 */
	static class OnSharedRegistration extends OnRegistration {

		OnSharedRegistration() {
			super(Registration.SHARED);
		}

	}

	/**
	 * Matches {@code scaivault.refresh.webhook.registration=per-instance}.
	 */
	static class OnPerInstanceRegistration extends OnRegistration {

		OnPerInstanceRegistration() {
			super(Registration.PER_INSTANCE);
		}

	}

}
