package ai.scailabs.scaivault.client.http;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.acme.AcmeEnvironment;
import ai.scailabs.scaivault.client.acme.AcmeOrderStatus;
import ai.scailabs.scaivault.client.acme.ChallengeType;
import ai.scailabs.scaivault.client.audit.AuditResult;
import ai.scailabs.scaivault.client.dynamic.EngineType;
import ai.scailabs.scaivault.client.pki.CaType;
import ai.scailabs.scaivault.client.pki.KeyType;
import ai.scailabs.scaivault.client.policies.IdentityType;
import ai.scailabs.scaivault.client.policies.Permission;
import ai.scailabs.scaivault.client.secrets.SecretType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link WireValues} and the enums that read the service's answers leniently.
 */
class WireValuesTests {

	private final JsonMapper mapper = ScaiVaultJson.mapper();

	@Test
	void answerEnumsReadValuesUnknownToThisClientAsUnknown() {
		assertThat(this.mapper.readValue("\"ready\"", AcmeOrderStatus.class)).isEqualTo(AcmeOrderStatus.UNKNOWN);
		assertThat(this.mapper.readValue("\"audited\"", AuditResult.class)).isEqualTo(AuditResult.UNKNOWN);
		assertThat(this.mapper.readValue("\"oracle\"", EngineType.class)).isEqualTo(EngineType.UNKNOWN);
		assertThat(this.mapper.readValue("\"ed25519\"", KeyType.class)).isEqualTo(KeyType.UNKNOWN);
		assertThat(this.mapper.readValue("\"cross_signed\"", CaType.class)).isEqualTo(CaType.UNKNOWN);
		assertThat(this.mapper.readValue("\"robot\"", IdentityType.class)).isEqualTo(IdentityType.UNKNOWN);
		assertThat(this.mapper.readValue("\"sandbox\"", AcmeEnvironment.class)).isEqualTo(AcmeEnvironment.UNKNOWN);
		assertThat(this.mapper.readValue("\"tls-alpn-01\"", ChallengeType.class)).isEqualTo(ChallengeType.UNKNOWN);
		assertThat(this.mapper.readValue("\"audit\"", Permission.class)).isEqualTo(Permission.UNKNOWN);
		assertThat(this.mapper.readValue("\"totp_seed\"", SecretType.class)).isEqualTo(SecretType.UNKNOWN);
	}

	@Test
	void answerEnumsReadKnownValues() {
		assertThat(this.mapper.readValue("\"processing\"", AcmeOrderStatus.class))
			.isEqualTo(AcmeOrderStatus.PROCESSING);
		assertThat(this.mapper.readValue("\"service_account\"", IdentityType.class))
			.isEqualTo(IdentityType.SERVICE_ACCOUNT);
		assertThat(this.mapper.writeValueAsString(KeyType.EC)).isEqualTo("\"ec\"");
	}

	@Test
	void parseOfUnknownValueThrowsValidationExceptionNamingTheAllowedValues() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> KeyType.fromValue("dsa"))
			.withMessage("Unknown key type 'dsa', expected one of [ec, rsa]");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> EngineType.fromValue("unknown"));
		assertThat(EngineType.fromValue("mysql")).isEqualTo(EngineType.MYSQL);
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Permission.fromValue("unknown"));
		assertThat(Permission.fromValue("read")).isEqualTo(Permission.READ);
	}

}
