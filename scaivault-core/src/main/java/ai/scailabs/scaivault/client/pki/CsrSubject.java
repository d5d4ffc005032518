package ai.scailabs.scaivault.client.pki;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Subject of a certificate signing request.
 *
 * @param commonName common name (CN)
 * @param organization organization (O), or {@code null}
 * @param organizationalUnit organizational unit (OU), or {@code null}
 * @param locality locality (L), or {@code null}
 * @param state state or province (ST), or {@code null}
 * @param country two-letter country code (C), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CsrSubject(String commonName, @Nullable String organization, @Nullable String organizationalUnit,
		@Nullable String locality, @Nullable String state, @Nullable String country) {

	public CsrSubject {
		Objects.requireNonNull(commonName, "commonName must not be null");
	}

	/**
	 * Return a subject with only a common name.
	 * @param commonName the common name
	 * @return the subject
	 */
	public static CsrSubject of(String commonName) {
		return new CsrSubject(commonName, null, null, null, null, null);
	}

	/**
	 * Return a copy with the given organization.
	 * @param organization the organization
	 * @return the new subject
	 */
	public CsrSubject withOrganization(String organization) {
		return new CsrSubject(this.commonName, organization, this.organizationalUnit, this.locality, this.state,
				this.country);
	}

}
