package ai.scailabs.scaivault.client.acme;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An account with an ACME provider, registered by the vault.
 *
 * @param id account id, such as {@code acct_...}
 * @param name unique name
 * @param provider the provider, such as {@code letsencrypt}
 * @param environment production or staging
 * @param email contact address for the provider
 * @param createdAt when it was registered
 */
public record AcmeAccount(String id, @Nullable String name, @Nullable String provider,
		@Nullable AcmeEnvironment environment, @Nullable String email, @Nullable Instant createdAt) {

}
