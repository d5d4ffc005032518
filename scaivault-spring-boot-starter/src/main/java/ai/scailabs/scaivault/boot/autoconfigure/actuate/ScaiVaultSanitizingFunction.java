package ai.scailabs.scaivault.boot.autoconfigure.actuate;

import java.util.Locale;
import java.util.Set;

import ai.scailabs.scaivault.config.env.ScaiVaultPropertySource;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.Ordered;

/**
 * {@link SanitizingFunction} that masks, in {@code /actuator/env} and
 * {@code /actuator/configprops}, every value imported from ScaiVault (every property of a
 * {@link ScaiVaultPropertySource}) and the client's credentials: {@code scaivault.token} and
 * {@code scaivault.client-secret} in any form ({@code scaivault.clientSecret},
 * {@code SCAIVAULT_CLIENT_SECRET}), the environment variables the client falls back to,
 * {@code SCAIVAULT_TOKEN} and {@code SCAIKEY_CLIENT_SECRET}, and the webhook secret,
 * {@code scaivault.refresh.webhook.secret} and {@code SCAIVAULT_WEBHOOK_SECRET}.
 *
 * <p>Spring Boot applies sanitizing functions when it would otherwise show a value
 * ({@code management.endpoint.env.show-values=always}, or {@code when-authorized} for an authorized
 * user), so these values stay masked even then. It runs first ({@link Ordered#HIGHEST_PRECEDENCE}),
 * so that no other function can show part of a secret before it.
 *
 * @author ScaiLabs
 */
public final class ScaiVaultSanitizingFunction implements SanitizingFunction, Ordered {

	/**
	 * Credential keys, lower case without separators, so that every relaxed form of them matches.
	 */
	private static final Set<String> CREDENTIAL_KEYS = Set.of("scaivaulttoken", "scaivaultclientsecret",
			"scaikeyclientsecret", "scaivaultrefreshwebhooksecret", "scaivaultwebhooksecret");

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (data.getPropertySource() instanceof ScaiVaultPropertySource || isCredential(data.getKey())) {
			return data.withSanitizedValue();
		}
		return data;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private static boolean isCredential(String key) {
		StringBuilder uniform = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char ch = key.charAt(i);
			if (Character.isLetterOrDigit(ch)) {
				uniform.append(ch);
			}
		}
		return CREDENTIAL_KEYS.contains(uniform.toString().toLowerCase(Locale.ROOT));
	}

}
