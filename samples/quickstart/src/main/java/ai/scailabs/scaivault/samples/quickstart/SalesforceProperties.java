package ai.scailabs.scaivault.samples.quickstart;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.context.annotation.ScopedProxyMode;

/**
 * The Salesforce OAuth credential, bound from the ScaiVault secret
 * {@code integrations/salesforce/oauth} (keys {@code client_id} and {@code client_secret}) under
 * the {@code salesforce.} prefix. {@link #toString()} never shows the values.
 *
 * <p>When the secret rotates, the record sees the new values all the same, written the one way a
 * constructor-bound {@code @ConfigurationProperties} can be: a record cannot be rebound in place,
 * so it lives in the refresh scope ({@code proxyMode = NO}: records are final and cannot be
 * proxied) and only {@code @RefreshScope} beans read it, such as the {@link SalesforceClient} bean.
 * After a rotation the refresh scope drops both; the next call builds them again from the new
 * values.
 *
 * @param clientId the Salesforce OAuth client id
 * @param clientSecret the Salesforce OAuth client secret
 */
@ConfigurationProperties("salesforce")
@RefreshScope(proxyMode = ScopedProxyMode.NO)
public record SalesforceProperties(@Nullable String clientId, @Nullable String clientSecret) {

	/**
	 * Return whether both halves of the credential are present.
	 * @return {@code true} when the client id and the client secret are set
	 */
	public boolean isComplete() {
		return hasText(this.clientId) && hasText(this.clientSecret);
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public String toString() {
		return "SalesforceProperties[clientId=" + mask(this.clientId) + ", clientSecret=" + mask(this.clientSecret)
				+ "]";
	}

	private static String mask(@Nullable String value) {
		return hasText(value) ? "******" : "<unset>";
	}

}
