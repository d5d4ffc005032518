package ai.scailabs.scaivault.client.pki;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.ValidationException;

/**
 * What a new certificate authority should look like. Start from {@link #root(String, String)} or
 * {@link #intermediate(String, String, String)} and refine with the {@code with...} methods:
 * <pre class="code">
 * CreateCaRequest.root("acme-root", "Acme Root CA").withKey(KeyType.EC, 256).withValidityDays(3650)
 * </pre>
 *
 * @param name unique name of the CA in the vault
 * @param commonName subject common name of its certificate
 * @param caType root or intermediate
 * @param parentCaId the signing CA of an intermediate, {@code null} for a root
 * @param keyType key algorithm, or {@code null} for the server's default
 * @param keySize key size in bits (curve size for EC), or {@code null} for the default
 * @param validityDays lifetime of the CA certificate in days, or {@code null} for the default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateCaRequest(String name, String commonName, CaType caType, @Nullable String parentCaId,
		@Nullable KeyType keyType, @Nullable Integer keySize, @Nullable Integer validityDays) {

	public CreateCaRequest {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(commonName, "commonName must not be null");
		Objects.requireNonNull(caType, "caType must not be null");
		if (caType == CaType.INTERMEDIATE && parentCaId == null) {
			throw invalid("CA '" + name + "' is an intermediate CA: parentCaId must name its signing CA", name);
		}
		if (caType == CaType.ROOT && parentCaId != null) {
			throw invalid("CA '" + name + "' is a root CA: it must not have a parentCaId", name);
		}
		if (caType == CaType.UNKNOWN) {
			throw invalid("CA '" + name + "': caType must be root or intermediate", name);
		}
	}

	/**
	 * Start a self-signed root CA.
	 * @param name unique name
	 * @param commonName subject common name
	 * @return the request
	 */
	public static CreateCaRequest root(String name, String commonName) {
		return new CreateCaRequest(name, commonName, CaType.ROOT, null, null, null, null);
	}

	/**
	 * Start an intermediate CA signed by another CA of the vault.
	 * @param name unique name
	 * @param commonName subject common name
	 * @param parentCaId the signing CA
	 * @return the request
	 */
	public static CreateCaRequest intermediate(String name, String commonName, String parentCaId) {
		return new CreateCaRequest(name, commonName, CaType.INTERMEDIATE, parentCaId, null, null, null);
	}

	/**
	 * Return a copy with the given key algorithm and size.
	 * @param keyType the algorithm
	 * @param keySize the size in bits, such as 256 for EC or 3072 for RSA
	 * @return the new request
	 */
	public CreateCaRequest withKey(KeyType keyType, int keySize) {
		return new CreateCaRequest(this.name, this.commonName, this.caType, this.parentCaId, keyType, keySize,
				this.validityDays);
	}

	/**
	 * Return a copy with the given lifetime.
	 * @param validityDays lifetime in days
	 * @return the new request
	 */
	public CreateCaRequest withValidityDays(int validityDays) {
		return new CreateCaRequest(this.name, this.commonName, this.caType, this.parentCaId, this.keyType,
				this.keySize, validityDays);
	}

	private static ValidationException invalid(String message, String name) {
		return new ValidationException("validation_error", message, Map.of("name", name), null, 0);
	}

}
