package ai.scailabs.scaivault.boot.autoconfigure.actuate;

import java.util.Map;

import ai.scailabs.scaivault.config.ScaiVaultProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ScaiVaultActuatorAutoConfiguration}.
 */
class ScaiVaultActuatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ScaiVaultActuatorAutoConfiguration.class));

	@Test
	void sanitizingFunctionWhenActuatorIsPresentIsDefinedWithoutScaiVaultClient() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ScaiVaultSanitizingFunction.class);
			assertThat(context).hasBean(ScaiVaultActuatorAutoConfiguration.SANITIZING_FUNCTION_BEAN_NAME);
		});
	}

	@Test
	void sanitizingFunctionWhenActuatorIsAbsentIsNotDefined() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ScaiVaultSanitizingFunction.class);
			});
	}

	@Test
	void sanitizingFunctionWhenUserDefinesOneOfTheSameNameBacksOff() {
		this.contextRunner
			.withBean(ScaiVaultActuatorAutoConfiguration.SANITIZING_FUNCTION_BEAN_NAME, SanitizingFunction.class,
					() -> (data) -> data)
			.run((context) -> assertThat(context).doesNotHaveBean(ScaiVaultSanitizingFunction.class));
	}

	@Test
	void sanitizingFunctionWhenUserDefinesOtherSanitizingFunctionsIsStillDefined() {
		this.contextRunner.withBean("other", SanitizingFunction.class, () -> (data) -> data)
			.run((context) -> assertThat(context).hasSingleBean(ScaiVaultSanitizingFunction.class));
	}

	@Test
	void configpropsWhenShowValuesIsAlwaysMasksTokenAndClientSecret() {
		this.contextRunner.withUserConfiguration(ConfigpropsConfiguration.class)
			.withPropertyValues("scaivault.base-url=https://vault.example", "scaivault.token=svt_token-value",
					"scaivault.client-id=reporting", "scaivault.client-secret=client-secret-value")
			.run((context) -> {
				ConfigurationPropertiesReportEndpoint endpoint = context
					.getBean(ConfigurationPropertiesReportEndpoint.class);
				ConfigurationPropertiesBeanDescriptor bean = endpoint.configurationPropertiesWithPrefix("scaivault")
					.getContexts()
					.get(context.getId())
					.getBeans()
					.values()
					.stream()
					.filter((candidate) -> candidate.getPrefix().equals("scaivault"))
					.findFirst()
					.orElseThrow();
				Map<String, Object> properties = bean.getProperties();
				assertThat(properties).containsEntry("token", SanitizableData.SANITIZED_VALUE)
					.containsEntry("clientSecret", SanitizableData.SANITIZED_VALUE)
					.containsEntry("clientId", "reporting")
					.containsEntry("baseUrl", "https://vault.example");
				assertThat(bean.getInputs().toString()).doesNotContain("svt_token-value")
					.doesNotContain("client-secret-value")
					.contains("reporting");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ScaiVaultProperties.class)
	static class ConfigpropsConfiguration {

		@Bean
		ConfigurationPropertiesReportEndpoint configurationPropertiesReportEndpoint(ApplicationContext context) {
			return new ConfigurationPropertiesReportEndpoint(
					context.getBeanProvider(SanitizingFunction.class).orderedStream().toList(), Show.ALWAYS);
		}

	}

}
