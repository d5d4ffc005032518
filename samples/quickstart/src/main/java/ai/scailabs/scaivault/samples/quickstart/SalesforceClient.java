package ai.scailabs.scaivault.samples.quickstart;

/**
 * Stands in for a Salesforce SDK client: it holds the OAuth credential it would use. Its
 * {@link #toString()} never shows the credential. Not final: the application declares it
 * {@code @RefreshScope}, which proxies it, so that a rotated credential reaches it.
 */
public class SalesforceClient {

	private final String clientId;

	private final String clientSecret;

	/**
	 * Create a client for the given credential.
	 * @param clientId the OAuth client id
	 * @param clientSecret the OAuth client secret
	 */
	public SalesforceClient(String clientId, String clientSecret) {
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	/**
	 * Return whether the client has a credential to call Salesforce with.
	 * @return {@code true} when both the client id and the client secret are set
	 */
	public boolean isConfigured() {
		return !this.clientId.isBlank() && !this.clientSecret.isBlank();
	}

	/**
	 * Return the OAuth client id (not a secret in OAuth, but never logged here either).
	 * @return the client id
	 */
	String clientId() {
		return this.clientId;
	}

	@Override
	public String toString() {
		return "SalesforceClient[configured=" + isConfigured() + "]";
	}

}
