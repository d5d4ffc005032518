/**
 * Dev server: events and subscriptions (contract section 7). Features publish {@link Event}s to
 * the server's hub; {@link WebhookEventSink} stamps them and delivers signed webhooks
 * ({@code X-ScaiVault-Signature}) to matching subscriptions, asynchronously and with retries.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.events;

import org.jspecify.annotations.NullMarked;
