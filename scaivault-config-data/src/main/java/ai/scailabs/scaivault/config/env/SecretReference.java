package ai.scailabs.scaivault.config.env;

import org.jspecify.annotations.Nullable;

/**
 * A secret path as an import names it: which path, optionally which version, and under which
 * property prefix its keys appear.
 *
 * @param path secret path, such as {@code integrations/salesforce/oauth}
 * @param version pinned version, or {@code null} for the current version (which rotation may change)
 * @param prefix prefix prepended verbatim to every property name of the secret, such as
 * {@code salesforce.}; empty for none
 * @author ScaiLabs
 */
public record SecretReference(String path, @Nullable Integer version, String prefix) {

	/**
	 * Return whether this reference pins a version, so that its values never change.
	 * @return {@code true} if a version is pinned
	 */
	public boolean isPinned() {
		return this.version != null;
	}

	@Override
	public String toString() {
		return this.path + ((this.version != null) ? " (version " + this.version + ")" : "")
				+ (this.prefix.isEmpty() ? "" : " as " + this.prefix + "*");
	}

}
