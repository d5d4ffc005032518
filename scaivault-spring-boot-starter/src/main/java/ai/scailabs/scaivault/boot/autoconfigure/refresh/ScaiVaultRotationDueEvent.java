package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Published, as an application event, when ScaiVault announces that a secret is due for rotation
 * ({@code rotation.due}, for a rotation policy with {@code auto_generate: false}, or a
 * {@code warn_before} warning ahead of it). ScaiVault changes nothing itself: the application's
 * automation makes the new credential and writes it back.
 *
 * <pre class="code">
 * &#64;EventListener
 * void on(ScaiVaultRotationDueEvent event) {
 *     Map&lt;String, Object&gt; credential = salesforce.createCredential();
 *     client.secrets().write(event.path(), credential);
 * }
 * </pre>
 *
 * @param path the secret path
 * @param policyId the rotation policy, such as {@code rot_xyz}, if the event names it
 * @param dueAt when the rotation is due, if the event says
 * @param warning whether this is a {@code warn_before} warning ahead of the due time, rather than
 * the due time itself
 * @author ScaiLabs
 */
public record ScaiVaultRotationDueEvent(String path, @Nullable String policyId, @Nullable Instant dueAt,
		boolean warning) {

}
