package ai.scailabs.scaivault.samples.quickstart;

import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /salesforce/status} answers: whether the Salesforce client has its credential,
 * and where the credential came from. Never the credential itself.
 *
 * @param configured whether the client id and the client secret are both set
 * @param path the ScaiVault secret path the credential was read from, or {@code null} when it did
 * not come from ScaiVault
 * @param version the version of that secret, or {@code null} when it did not come from ScaiVault
 * @param origin a description of where {@code salesforce.client-id} came from, or {@code null} when
 * it is not set
 */
public record SalesforceStatus(boolean configured, @Nullable String path, @Nullable Integer version,
		@Nullable String origin) {

}
