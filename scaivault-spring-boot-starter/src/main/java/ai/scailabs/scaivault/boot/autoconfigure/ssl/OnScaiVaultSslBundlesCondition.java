package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one {@code scaivault.ssl.bundle.<name>.*} property is set. A plain
 * {@code scaivault.ssl.bundle=<name>} (the client's own trust bundle) does not count.
 */
class OnScaiVaultSslBundlesCondition extends SpringBootCondition {

	private static final ConfigurationPropertyName BUNDLES = ConfigurationPropertyName
		.of(ScaiVaultSslProperties.PREFIX + ".bundle");

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("ScaiVault SSL bundles");
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(context.getEnvironment())) {
			if (source.containsDescendantOf(BUNDLES) == ConfigurationPropertyState.PRESENT) {
				return ConditionOutcome.match(message.found("properties").items(BUNDLES + ".<name>.*"));
			}
		}
		return ConditionOutcome.noMatch(message.didNotFind("properties").items(BUNDLES + ".<name>.*"));
	}

}
