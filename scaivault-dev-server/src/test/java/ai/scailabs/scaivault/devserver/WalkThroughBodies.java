package ai.scailabs.scaivault.devserver;

/**
 * The request bodies of the first-integration walk-through ({@code shared/seeds/004_...}), verbatim,
 * for every conformance test that replays them.
 */
public final class WalkThroughBodies {

	/** Step 1: {@code PUT /v1/secrets/integrations/salesforce/oauth}. */
	public static final String STORE_SECRET = """
			{
			"data": {
			"client_id": "3MVG9...",
			"client_secret": "REDACTED"
			},
			"secret_type": "json",
			"metadata": {
			"description": "Salesforce OAuth for all production integrations",
			"tags": ["salesforce", "oauth", "production"]
			},
			"options": {
			"max_versions": 10
			}
			}""";

	/** Step 2: {@code POST /v1/policies}. */
	public static final String CREATE_POLICY = """
			{
			"name": "reporting-service-salesforce",
			"description": "Reporting service reads Salesforce OAuth",
			"rules": [
			{
			"path_pattern": "integrations/salesforce/oauth",
			"permissions": ["read"]
			}
			]
			}""";

	/** Step 2: {@code POST /v1/policies/{id}/bindings}. */
	public static final String BIND = """
			{
			"identity_type": "service_account",
			"identity_id": "sa:reporting-service"
			}""";

	private WalkThroughBodies() {
	}

}
