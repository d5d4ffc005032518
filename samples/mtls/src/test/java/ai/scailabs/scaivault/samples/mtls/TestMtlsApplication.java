package ai.scailabs.scaivault.samples.mtls;

import org.springframework.boot.SpringApplication;

/**
 * The mTLS sample with an in-process ScaiVault dev server, for development:
 * {@code ./mvnw -pl samples/mtls spring-boot:test-run}. It lives with the tests, as do
 * {@link MtlsDevServerSeed} and the {@code scaivault-sample-dev-server} dependency, so that the
 * application's own jar does not carry the dev server.
 */
public final class TestMtlsApplication {

	private TestMtlsApplication() {
	}

	/**
	 * Run the sample; with no ScaiVault configured, a dev server with a CA and a role starts first.
	 * @param args the application's arguments
	 */
	public static void main(String[] args) {
		SpringApplication.from(MtlsApplication::main).run(args);
	}

}
