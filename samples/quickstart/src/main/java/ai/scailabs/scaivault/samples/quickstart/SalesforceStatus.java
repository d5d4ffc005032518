package ai.scailabs.scaivault.samples.quickstart;

import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /salesforce/status} answers: whether the Salesforce client has its credential,
 * and where the credential came from. Never the credential itself.
 *
 * @param configured whether the client id and the client secret are both set
 * @param origin where {@code salesforce.client-id} came from, such as the ScaiVault path and version,
 * or {@code null} when it is not set
 */
public record SalesforceStatus(boolean configured, @Nullable String origin) {

}
