package ai.scailabs.scaivault.client.policies;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The request context a policy test evaluates conditions against.
 *
 * @param sourceIp the caller's address, such as {@code 10.0.1.50}, or {@code null}
 * @param mfa whether the caller used MFA, or {@code null} for not stated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyTestContext(@Nullable String sourceIp, @Nullable Boolean mfa) {

	/** A context that states nothing. */
	public static final PolicyTestContext NONE = new PolicyTestContext(null, null);

	/**
	 * Return a context with only the caller's address.
	 * @param sourceIp the address
	 * @return the context
	 */
	public static PolicyTestContext sourceIp(String sourceIp) {
		return new PolicyTestContext(sourceIp, null);
	}

}
