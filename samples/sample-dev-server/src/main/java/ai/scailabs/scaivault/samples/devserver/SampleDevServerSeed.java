package ai.scailabs.scaivault.samples.devserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * What a sample's dev server holds. A sample names its one implementation in
 * {@code META-INF/spring.factories} (under this interface's name, in its test resources), and
 * {@link SampleDevServerEnvironmentPostProcessor} starts a server seeded with it.
 */
public interface SampleDevServerSeed {

	/**
	 * Return the service account the application reads as: the server gets a client for it, with a
	 * new secret every run, and the application its {@code scaivault.client-id} and
	 * {@code scaivault.client-secret}.
	 * @return the account, or {@code null} for the root token ({@code scaivault.token})
	 */
	@Nullable Client client();

	/**
	 * Return the seed document the server starts with (secrets, policies, engines).
	 * @param environment the application's environment, with its {@code application.properties}
	 * when {@link #readsApplicationProperties()}
	 * @return the JSON document, or {@code null} for none
	 */
	default @Nullable String document(Environment environment) {
		return null;
	}

	/**
	 * Create, as root, what a seed document cannot hold (a CA, a PKI role). Runs once the server has
	 * started, before the application reads it.
	 * @param root a client with the server's root token
	 */
	default void seed(ScaiVaultClient root) {
	}

	/**
	 * Whether the seed reads the application's properties (those of {@code application.properties}
	 * and the active profiles' files). The server then starts after they are read, so the
	 * application cannot import from ScaiVault with {@code spring.config.import}.
	 * @return whether the server starts after the config data
	 */
	default boolean readsApplicationProperties() {
		return false;
	}

	/**
	 * Describe what the server holds, for the start-up log line.
	 * @param environment the application's environment
	 * @return a description such as "seeded with the walk-through's secret and policy"
	 */
	String describe(Environment environment);

	/**
	 * Read a seed document from the class path of this seed.
	 * @param name the resource's name
	 * @return its text
	 * @throws IllegalStateException when there is no such resource
	 */
	default String readResource(String name) {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("The dev server seed " + name + " is missing from the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the dev server seed " + name, ex);
		}
	}

	/**
	 * The service account an application reads as.
	 *
	 * @param clientId its client id ({@code scaivault.client-id})
	 * @param identity the identity it authenticates as, such as {@code sa:reporting-service}
	 */
	record Client(String clientId, String identity) {
	}

}
