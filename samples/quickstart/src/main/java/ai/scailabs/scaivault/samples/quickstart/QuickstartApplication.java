package ai.scailabs.scaivault.samples.quickstart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.context.annotation.Bean;

/**
 * The quickstart application. Its Salesforce credential comes from ScaiVault through
 * {@code spring.config.import=scaivault:integrations/salesforce/oauth?prefix=salesforce.} (see
 * {@code application.properties}); with no ScaiVault configured, {@link DevServerEnvironmentPostProcessor}
 * starts an in-process dev server seeded with the walk-through's data first.
 *
 * <p>Walk-through step 6: the application registers its own subscription
 * ({@code scaivault.refresh.webhook.callback-url}), and a rotation reaches {@link SalesforceClient}
 * in milliseconds, without a restart: it is {@code @RefreshScope}, built from the refresh-scoped
 * {@link SalesforceProperties} record. Step 7: {@link SalesforceRotationAutomation} acts on
 * {@code rotation.due}.
 */
@SpringBootApplication
@EnableConfigurationProperties(SalesforceProperties.class)
public class QuickstartApplication {

	@Bean
	@RefreshScope
	SalesforceClient salesforceClient(SalesforceProperties properties) {
		return new SalesforceClient(nonNull(properties.clientId()), nonNull(properties.clientSecret()));
	}

	private static String nonNull(@org.jspecify.annotations.Nullable String value) {
		return (value != null) ? value : "";
	}

	public static void main(String[] args) {
		SpringApplication.run(QuickstartApplication.class, args);
	}

}
