package ai.scailabs.scaivault.samples.quickstart;

import ai.scailabs.scaivault.samples.devserver.SampleDevServerSeed;

import org.springframework.core.env.Environment;

/**
 * The quickstart's dev server, set up as the walk-through describes: the Salesforce secret at
 * {@code integrations/salesforce/oauth}, the policy {@code reporting-service-salesforce} that lets
 * {@code sa:reporting-service} read that one path, and a client of that service account, which the
 * application reads as ({@code scaivault-dev-seed.json}). Development only.
 */
public class QuickstartDevServerSeed implements SampleDevServerSeed {

	static final String SERVICE_ACCOUNT = "sa:reporting-service";

	static final String CLIENT_ID = "reporting-service";

	@Override
	public Client client() {
		return new Client(CLIENT_ID, SERVICE_ACCOUNT);
	}

	@Override
	public String document(Environment environment) {
		return readResource("scaivault-dev-seed.json");
	}

	@Override
	public String describe(Environment environment) {
		return "seeded with the walk-through's secret and policy";
	}

}
