package ai.scailabs.scaivault.config.env;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.origin.Origin;

/**
 * {@link Origin} of a property that came from ScaiVault: the secret path and version. Its
 * {@link #toString()} reads {@code ScaiVault path integrations/salesforce/oauth, version 3}, which
 * is what {@code /actuator/env} and failure messages show.
 *
 * @param path secret path
 * @param version version of the secret the value was read from
 * @param key key of the value inside the secret's data, as stored (such as {@code client_id} or
 * {@code endpoints.login})
 * @param parent origin of the {@code spring.config.import} declaration, if known
 * @author ScaiLabs
 */
public record ScaiVaultOrigin(String path, int version, String key, @Nullable Origin parent) implements Origin {

	@Override
	public @Nullable Origin getParent() {
		return this.parent;
	}

	@Override
	public String toString() {
		return "ScaiVault path " + this.path + ", version " + this.version;
	}

}
