package ai.scailabs.scaivault.samples.quickstart;

/**
 * Stands in for a Salesforce SDK client: it holds the OAuth credential it would use. Its
 * {@link #toString()} never shows the credential.
 */
public final class SalesforceClient {

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

	@Override
	public String toString() {
		return "SalesforceClient[configured=" + isConfigured() + "]";
	}

}
