package ai.scailabs.scaivault.samples.quickstart;

import ai.scailabs.scaivault.config.env.ScaiVaultOrigin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports whether the Salesforce client is configured and which ScaiVault secret version the
 * credential came from. Never the credential.
 */
@RestController
class SalesforceStatusController {

	private static final ConfigurationPropertyName CLIENT_ID = ConfigurationPropertyName.of("salesforce.client-id");

	private final SalesforceClient salesforce;

	private final Environment environment;

	SalesforceStatusController(SalesforceClient salesforce, Environment environment) {
		this.salesforce = salesforce;
		this.environment = environment;
	}

	@GetMapping("/salesforce/status")
	SalesforceStatus status() {
		Origin origin = clientIdOrigin();
		boolean configured = this.salesforce.isConfigured();
		if (origin instanceof ScaiVaultOrigin scaiVault) {
			return new SalesforceStatus(configured, scaiVault.path(), scaiVault.version(), scaiVault.toString());
		}
		return new SalesforceStatus(configured, null, null, (origin != null) ? origin.toString() : null);
	}

	private @Nullable Origin clientIdOrigin() {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(CLIENT_ID);
			if (property != null) {
				Origin origin = property.getOrigin();
				// the property source's own origin (such as the ScaiVault path and version) is wrapped
				return (origin instanceof PropertySourceOrigin wrapper) ? wrapper.getOrigin() : origin;
			}
		}
		return null;
	}

}
