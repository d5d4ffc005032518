package ai.scailabs.scaivault.boot.autoconfigure;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultClientBuilder;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when there is a ScaiVault to talk to: a base URL is configured
 * ({@code scaivault.base-url}, or the {@code SCAIVAULT_BASE_URL} environment variable, not blank),
 * or a {@link ScaiVaultClient} bean already exists (the client promoted by a {@code scaivault:}
 * config import, or one the application defines itself).
 */
class OnScaiVaultCondition extends AnyNestedCondition {

	OnScaiVaultCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(BaseUrlCondition.class)
	static class BaseUrl {

	}

	@ConditionalOnBean(ScaiVaultClient.class)
	static class ClientBean {

	}

	static class BaseUrlCondition extends SpringBootCondition {

		private static final String[] NAMES = { "scaivault.base-url", ScaiVaultClientBuilder.BASE_URL_VARIABLE };

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			ConditionMessage.Builder message = ConditionMessage.forCondition("ScaiVault base URL");
			for (String name : NAMES) {
				if (StringUtils.hasText(environment.getProperty(name))) {
					return ConditionOutcome.match(message.found("property").items(name));
				}
			}
			return ConditionOutcome.noMatch(message.didNotFind("property").items((Object[]) NAMES));
		}

	}

}
