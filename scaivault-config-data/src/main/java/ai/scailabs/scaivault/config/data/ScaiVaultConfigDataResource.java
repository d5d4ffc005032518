package ai.scailabs.scaivault.config.data;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.config.env.SecretReference;

import org.springframework.boot.context.config.ConfigDataResource;
import org.springframework.boot.origin.Origin;

/**
 * One {@code scaivault:} location of {@code spring.config.import}, resolved into the secret paths it
 * names. Loaded into one {@link ai.scailabs.scaivault.config.env.ScaiVaultPropertySource}.
 *
 * @author ScaiLabs
 */
public class ScaiVaultConfigDataResource extends ConfigDataResource {

	private final String location;

	private final List<SecretReference> references;

	private final boolean optional;

	private final @Nullable Origin origin;

	/**
	 * Create a resource.
	 * @param location the location without {@code optional:}, such as
	 * {@code scaivault:integrations/salesforce/oauth?prefix=salesforce.}
	 * @param references the paths the location names, in order
	 * @param optional whether the location is {@code optional:}
	 * @param origin where the location was declared, if known
	 */
	public ScaiVaultConfigDataResource(String location, List<SecretReference> references, boolean optional,
			@Nullable Origin origin) {
		super(optional);
		this.location = location;
		this.references = List.copyOf(references);
		this.optional = optional;
		this.origin = origin;
	}

	/**
	 * Return the location, without {@code optional:}.
	 * @return the location
	 */
	public String getLocation() {
		return this.location;
	}

	/**
	 * Return the paths this location names, in order.
	 * @return the references
	 */
	public List<SecretReference> getReferences() {
		return this.references;
	}

	/**
	 * Return whether a missing or unreadable path is skipped rather than failing start-up.
	 * @return {@code true} for an {@code optional:} location
	 */
	public boolean isOptionalLocation() {
		return this.optional;
	}

	/**
	 * Return where the location was declared.
	 * @return the origin, or {@code null}
	 */
	public @Nullable Origin getOrigin() {
		return this.origin;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		if (obj == null || getClass() != obj.getClass()) {
			return false;
		}
		ScaiVaultConfigDataResource other = (ScaiVaultConfigDataResource) obj;
		return this.optional == other.optional && this.location.equals(other.location)
				&& this.references.equals(other.references);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.location, this.references, this.optional);
	}

	@Override
	public String toString() {
		return (this.optional ? "optional:" : "") + this.location;
	}

}
