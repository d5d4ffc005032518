package ai.scailabs.scaivault.samples.quickstart;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import ai.scailabs.scaivault.boot.autoconfigure.refresh.ScaiVaultRotationDueEvent;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Walk-through step 7, "your automation": with a rotation policy of {@code auto_generate: false},
 * ScaiVault sends {@code rotation.due} and changes nothing; this listener issues a new OAuth
 * credential (a stand-in for Salesforce's API) and writes it back with {@code PUT /v1/secrets/...}.
 * The write is a new version, so ScaiVault then sends {@code secret.updated} and the application
 * rebinds to it like to any rotation.
 *
 * <p>Writing needs {@code write} on the path, which the walk-through's read-only service account
 * does not have: with {@code quickstart.rotation.write-back=false} (the default) the listener only
 * logs that the rotation is due. Never logs the credential.
 */
@Component
class SalesforceRotationAutomation {

	static final String PATH = "integrations/salesforce/oauth";

	private static final Log logger = LogFactory.getLog(SalesforceRotationAutomation.class);

	private final ScaiVaultClient client;

	private final ObjectProvider<SalesforceProperties> properties;

	private final boolean writeBack;

	private final SecureRandom random = new SecureRandom();

	private final AtomicReference<@Nullable ScaiVaultRotationDueEvent> lastDue = new AtomicReference<>();

	SalesforceRotationAutomation(ScaiVaultClient client, ObjectProvider<SalesforceProperties> properties,
			@Value("${quickstart.rotation.write-back:false}") boolean writeBack) {
		this.client = client;
		this.properties = properties;
		this.writeBack = writeBack;
	}

	@EventListener
	void on(ScaiVaultRotationDueEvent event) {
		if (!PATH.equals(event.path())) {
			return;
		}
		this.lastDue.set(event);
		if (!this.writeBack) {
			logger.info("Rotation of " + PATH + " is due at " + event.dueAt() + " (policy " + event.policyId()
					+ "): issue a new Salesforce credential and write it to ScaiVault");
			return;
		}
		try {
			int version = this.client.secrets()
				.write(PATH, Map.of("client_id", clientId(), "client_secret", issueCredential()))
				.version();
			logger.info("Rotation of " + PATH + " (policy " + event.policyId() + "): wrote version " + version);
		}
		catch (ScaiVaultException ex) {
			logger.warn("Rotation of " + PATH + " is due but the new credential could not be written (" + ex.getCode()
					+ ")");
		}
	}

	private String clientId() {
		// the current record: it is refresh-scoped, so it is looked up, never held
		String clientId = this.properties.getObject().clientId();
		return (clientId != null) ? clientId : "";
	}

	/**
	 * Stands in for Salesforce's API, which would issue a new client secret for the connected app.
	 * @return the new client secret
	 */
	private String issueCredential() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Nullable ScaiVaultRotationDueEvent lastDue() {
		return this.lastDue.get();
	}

}
