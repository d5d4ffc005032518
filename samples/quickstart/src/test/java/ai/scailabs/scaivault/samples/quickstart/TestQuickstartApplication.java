package ai.scailabs.scaivault.samples.quickstart;

import org.springframework.boot.SpringApplication;

/**
 * The quickstart with an in-process ScaiVault dev server, for development:
 * {@code ./mvnw -pl samples/quickstart spring-boot:test-run}. It lives with the tests, as do
 * {@code QuickstartDevServerSeed} and the {@code scaivault-sample-dev-server} dependency, so
 * that the application's own jar carries neither the dev server nor a JDBC driver.
 */
public final class TestQuickstartApplication {

	private TestQuickstartApplication() {
	}

	/**
	 * Run the quickstart; with no ScaiVault configured, a seeded dev server starts first.
	 * @param args the application's arguments
	 */
	public static void main(String[] args) {
		SpringApplication.from(QuickstartApplication::main).run(args);
	}

}
