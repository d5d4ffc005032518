package ai.scailabs.scaivault.samples.dynamicdb;

import org.springframework.boot.SpringApplication;

/**
 * The dynamic-db sample with an in-process ScaiVault dev server, for development:
 * {@code ./mvnw -pl samples/dynamic-db spring-boot:test-run}. It lives with the tests, as do
 * {@link DynamicDbDevServerSeed} and the {@code scaivault-sample-dev-server} dependency, so that
 * the application's own jar carries neither the dev server nor H2.
 */
public final class TestDynamicDbApplication {

	private TestDynamicDbApplication() {
	}

	/**
	 * Run the sample; with no ScaiVault configured, a dev server with the engine orders-db starts
	 * after the application's properties are read.
	 * @param args the application's arguments
	 */
	public static void main(String[] args) {
		SpringApplication.from(DynamicDbApplication::main).run(args);
	}

}
