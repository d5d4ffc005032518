package ai.scailabs.scaivault.devserver.secrets;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Descriptive metadata of a secret. Never secret itself.
 *
 * @param description what the secret is for
 * @param tags tags such as {@code salesforce}
 */
public record SecretMetadata(@Nullable String description, List<String> tags) {

	/** No description and no tags. */
	public static final SecretMetadata EMPTY = new SecretMetadata(null, List.of());

	public SecretMetadata {
		tags = List.copyOf(tags);
	}

	/**
	 * Return this metadata with the given fields replaced.
	 * @param description the new description, or {@code null} to keep this one
	 * @param tags the new tags, or {@code null} to keep these
	 * @return the merged metadata
	 */
	public SecretMetadata merge(@Nullable String description, @Nullable List<String> tags) {
		return new SecretMetadata((description != null) ? description : this.description,
				(tags != null) ? tags : this.tags);
	}

}
