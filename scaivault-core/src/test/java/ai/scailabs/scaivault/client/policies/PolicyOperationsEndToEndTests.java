package ai.scailabs.scaivault.client.policies;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.DevServerClients;
import ai.scailabs.scaivault.client.NotFoundException;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.junit.ScaiVaultDevServerTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Policies against the embedded dev server: the walk-through's policy and binding, then a test of
 * the decision.
 */
@ScaiVaultDevServerTest
class PolicyOperationsEndToEndTests {

	private ScaiVaultDevServer server;

	private ScaiVaultClient client;

	@BeforeEach
	void setUp() {
		this.client = DevServerClients.rootClient(this.server);
	}

	@AfterEach
	void tearDown() {
		this.client.close();
	}

	@Test
	void walkThroughPolicyAllowsTheServiceAccountOnlyItsPath() {
		PolicyOperations policies = this.client.policies();
		Policy policy = policies.create("reporting-service-salesforce",
				List.of(PolicyRule.of("integrations/salesforce/oauth", Permission.READ)),
				"Reporting service reads Salesforce OAuth");
		PolicyBinding binding = policies.bind(policy.id(), IdentityType.SERVICE_ACCOUNT, "sa:reporting-service");
		assertThat(binding.id()).isNotBlank();
		assertThat(binding.identityType()).isEqualTo(IdentityType.SERVICE_ACCOUNT);
		PolicyTestResult allowed = policies.test("sa:reporting-service", "integrations/salesforce/oauth",
				Permission.READ, PolicyTestContext.sourceIp("10.0.1.50"));
		assertThat(allowed.allowed()).isTrue();
		assertThat(allowed.matchedPolicies()).containsExactly("reporting-service-salesforce");
		PolicyTestResult denied = policies.test("sa:reporting-service", "integrations/stripe/api-key",
				Permission.READ, null);
		assertThat(denied.allowed()).isFalse();
		assertThat(policies.get(policy.id()).rules())
			.containsExactly(PolicyRule.of("integrations/salesforce/oauth", Permission.READ));
		assertThat(policies.list().data()).extracting(Policy::id).contains(policy.id());
		policies.unbind(policy.id(), binding.id());
		assertThat(policies.test("sa:reporting-service", "integrations/salesforce/oauth", Permission.READ, null)
			.allowed()).isFalse();
	}

	@Test
	void conditionsAreKeptAndEnforced() {
		PolicyRule rule = PolicyRule.of("environments/production/**", Permission.READ, Permission.LIST)
			.withConditions(PolicyConditions.ipRanges("10.0.0.0/8").withRequireMfa());
		Policy policy = this.client.policies()
			.create("production-read-only", List.of(rule), "Developers read production from VPN + MFA");
		this.client.policies().bind(policy.id(), IdentityType.GROUP, "group:developers");
		assertThat(this.client.policies().get(policy.id()).rules()).containsExactly(rule);
		Policy updated = this.client.policies()
			.update(policy.id(), "production-read-only", List.of(PolicyRule.of("environments/production/**",
					Permission.READ)), null);
		assertThat(updated.rules().get(0).conditions()).isNull();
		this.client.policies().delete(policy.id());
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.client.policies().get(policy.id()));
	}

}
