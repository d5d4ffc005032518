package ai.scailabs.scaivault.samples.dynamicdb;

import ai.scailabs.scaivault.samples.devserver.SampleDevServerSeed;

import org.springframework.core.env.Environment;

/**
 * The dynamic-db sample's dev server: the dynamic engine {@code orders-db} (on the dev server's
 * H2, or on PostgreSQL or MariaDB with the profile of that name, {@code sample.db.*}), its role
 * {@code app}, and the service account {@code sa:orders-service} that may lease its credentials,
 * which the application reads as. It reads the application's properties, so the server starts after
 * they are read. Development only.
 */
public class DynamicDbDevServerSeed implements SampleDevServerSeed {

	static final String SERVICE_ACCOUNT = "sa:orders-service";

	static final String CLIENT_ID = "orders-service";

	@Override
	public Client client() {
		return new Client(CLIENT_ID, SERVICE_ACCOUNT);
	}

	@Override
	public String document(Environment environment) {
		String type = environment.getProperty("sample.db.type", "h2");
		if (!type.matches("h2|postgresql|mariadb")) {
			throw new IllegalStateException(
					"No dev server seed for sample.db.type=" + type + ": it must be h2, postgresql or mariadb");
		}
		return readResource("dev-seed-" + type + ".json")
			.replace("@url@", json(environment.getProperty("sample.db.url", "")))
			.replace("@username@", json(environment.getProperty("sample.db.username", "")))
			.replace("@password@", json(environment.getProperty("sample.db.password", "")))
			.replace("@ttl@", json(environment.getProperty("scaivault.datasource.ttl", "20s")));
	}

	@Override
	public boolean readsApplicationProperties() {
		return true;
	}

	@Override
	public String describe(Environment environment) {
		return "with the dynamic engine orders-db on " + environment.getProperty("sample.db.type", "h2");
	}

	private static String json(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
