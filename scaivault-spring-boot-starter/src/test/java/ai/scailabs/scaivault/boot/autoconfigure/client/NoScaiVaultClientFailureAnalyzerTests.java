package ai.scailabs.scaivault.boot.autoconfigure.client;

import ai.scailabs.scaivault.boot.autoconfigure.ScaiVaultAutoConfiguration;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NoScaiVaultClientFailureAnalyzer}.
 */
class NoScaiVaultClientFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ScaiVaultAutoConfiguration.class));

	@Test
	void analyzeWhenClientIsNeededButNoBaseUrlIsSetSaysWhatToSet() {
		this.contextRunner.withBean(NeedsClient.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new NoScaiVaultClientFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("ScaiVaultClient").contains("no ScaiVault base URL");
			assertThat(analysis.getAction()).contains("scaivault.base-url").contains("SCAIVAULT_BASE_URL");
		});
	}

	@Test
	void analyzeWhenAnotherBeanIsMissingLeavesItToSpringBoot() {
		this.contextRunner.withBean(NeedsString.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new NoScaiVaultClientFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
		});
	}

	@Test
	void analyzerIsRegistered() {
		// analyzers that need the bean factory are skipped: only the registration is checked here
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, (factoryType, implementationName, failure) -> {
			}))
			.hasAtLeastOneElementOfType(NoScaiVaultClientFailureAnalyzer.class);
	}

	static class NeedsClient {

		NeedsClient(ScaiVaultClient client) {
		}

	}

	static class NeedsString {

		NeedsString(StringBuilder missing) {
		}

	}

}
