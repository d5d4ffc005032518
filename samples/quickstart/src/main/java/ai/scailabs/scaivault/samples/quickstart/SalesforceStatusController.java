package ai.scailabs.scaivault.samples.quickstart;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
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
		return new SalesforceStatus(this.salesforce.isConfigured(), origin());
	}

	private @Nullable String origin() {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(CLIENT_ID);
			if (property != null) {
				Origin origin = property.getOrigin();
				return (origin != null) ? origin.toString() : source.getUnderlyingSource().toString();
			}
		}
		return null;
	}

}
