package ai.scailabs.scaivault.boot.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of ScaiVault's actuator support: a {@link ScaiVaultSanitizingFunction} that
 * masks imported secrets and the client's credentials in {@code /actuator/env} and
 * {@code /actuator/configprops}.
 *
 * <p>Not tied to a ScaiVault client being configured: a token or client secret in the environment
 * is masked even when the application has no client.
 *
 * @author ScaiLabs
 */
@AutoConfiguration
public final class ScaiVaultActuatorAutoConfiguration {

	/**
	 * Name of the {@link ScaiVaultSanitizingFunction} bean; define a bean of that name to replace it.
	 */
	public static final String SANITIZING_FUNCTION_BEAN_NAME = "scaiVaultSanitizingFunction";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class SanitizingConfiguration {

		@Bean(SANITIZING_FUNCTION_BEAN_NAME)
		@ConditionalOnMissingBean(name = SANITIZING_FUNCTION_BEAN_NAME)
		ScaiVaultSanitizingFunction scaiVaultSanitizingFunction() {
			return new ScaiVaultSanitizingFunction();
		}

	}

}
