package ai.scailabs.scaivault.devserver.acme;

import java.time.Instant;

/**
 * An ACME account registered with the dev server.
 *
 * @param id the account id, {@code acct_...}
 * @param name the account's name
 * @param provider the ACME provider, such as {@code letsencrypt}
 * @param environment {@code production} or {@code staging}
 * @param email the contact address
 * @param createdAt when it was registered
 */
public record AcmeAccount(String id, String name, String provider, String environment, String email,
		Instant createdAt) {

}
