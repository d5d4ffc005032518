package ai.scailabs.scaivault.client.auth;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.AuthenticationException;
import ai.scailabs.scaivault.client.ValidationException;

/**
 * Obtains tokens with the OAuth 2.0 client-credentials grant (contract section 3) and refreshes
 * them at 80 % of their lifetime, or when the server answered {@code token_expired}. Concurrent
 * callers share one token request (single flight).
 */
public final class ClientCredentialsTokenProvider implements TokenProvider {

	private static final System.Logger logger = System.getLogger(ClientCredentialsTokenProvider.class.getName());

	/** Share of the token's lifetime after which it is refreshed. */
	private static final double REFRESH_AT = 0.8;

	/** Longest wait before the next try after a failed early refresh. */
	private static final Duration RETRY_REFRESH_AFTER = Duration.ofSeconds(30);

	private final TokenEndpoint endpoint;

	private final String clientId;

	private final String clientSecret;

	private final @Nullable String scope;

	private final Clock clock;

	private final Object lock = new Object();

	private @Nullable String token;

	private Instant refreshAt = Instant.MIN;

	private Instant expiresAt = Instant.MIN;

	private @Nullable CompletableFuture<String> inFlight;

	/**
	 * Create a provider.
	 * @param endpoint the token endpoint
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @param scope the scope to ask for, or {@code null}
	 * @param clock the clock that decides expiry
	 */
	public ClientCredentialsTokenProvider(TokenEndpoint endpoint, String clientId, String clientSecret,
			@Nullable String scope, Clock clock) {
		if (clientId.isBlank()) {
			throw new ValidationException("validation_error", "Client id must not be blank", Map.of(), null, 0);
		}
		if (clientSecret.isBlank()) {
			throw new ValidationException("validation_error", "Client secret must not be blank", Map.of(), null, 0);
		}
		this.endpoint = endpoint;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.scope = scope;
		this.clock = clock;
	}

	@Override
	public CompletableFuture<String> token() {
		CompletableFuture<String> request;
		synchronized (this.lock) {
			if (this.token != null && this.clock.instant().isBefore(this.refreshAt)) {
				return CompletableFuture.completedFuture(this.token);
			}
			if (this.inFlight != null) {
				return this.inFlight.thenApply((token) -> token);
			}
			request = new CompletableFuture<>();
			this.inFlight = request;
		}
		fetch(request);
		return request.thenApply((token) -> token);
	}

	private void fetch(CompletableFuture<String> request) {
		Instant requestedAt = this.clock.instant();
		CompletableFuture<AccessToken> answer;
		try {
			answer = this.endpoint.requestToken(form());
		}
		catch (RuntimeException ex) {
			answer = CompletableFuture.failedFuture(ex);
		}
		answer.whenComplete((accessToken, failure) -> {
			String stillValid = null;
			synchronized (this.lock) {
				this.inFlight = null;
				if (failure == null && accessToken != null && accessToken.accessToken() != null
						&& !accessToken.accessToken().isBlank()) {
					this.token = accessToken.accessToken();
					this.refreshAt = at(requestedAt, accessToken.expiresIn(), REFRESH_AT);
					this.expiresAt = at(requestedAt, accessToken.expiresIn(), 1.0);
				}
				else if (failure != null && this.token != null && this.clock.instant().isBefore(this.expiresAt)) {
					stillValid = this.token;
					this.refreshAt = nextRefreshAfterFailure(this.clock.instant(), this.expiresAt);
				}
			}
			if (stillValid != null) {
				// Early refresh failed, but the current token has not expired yet: keep using it.
				logger.log(Level.WARNING, () -> "Could not refresh the ScaiVault token for client " + this.clientId
						+ " (" + failure.getClass().getSimpleName() + "); using the current one until it expires");
				request.complete(stillValid);
			}
			else if (failure != null) {
				request.completeExceptionally(failure);
			}
			else if (accessToken == null || accessToken.accessToken() == null
					|| accessToken.accessToken().isBlank()) {
				request.completeExceptionally(new AuthenticationException("authentication_required",
						"Token endpoint answered without an access_token", Map.of(), null, 0));
			}
			else {
				logger.log(Level.DEBUG, () -> "Obtained a ScaiVault token for client " + this.clientId
						+ ", expires in " + accessToken.expiresIn() + "s");
				request.complete(accessToken.accessToken());
			}
		});
	}

	/**
	 * Back off after a failed early refresh, so that not every call starts a token request: try
	 * again after {@link #RETRY_REFRESH_AFTER}, or after half the remaining lifetime if that is
	 * sooner.
	 */
	private static Instant nextRefreshAfterFailure(Instant now, Instant expiresAt) {
		Duration half = Duration.between(now, expiresAt).dividedBy(2);
		return now.plus((half.compareTo(RETRY_REFRESH_AFTER) < 0) ? half : RETRY_REFRESH_AFTER);
	}

	private static Instant at(Instant requestedAt, @Nullable Long expiresIn, double share) {
		if (expiresIn == null || expiresIn <= 0) {
			// No lifetime given: keep it until the server answers token_expired.
			return Instant.MAX;
		}
		return requestedAt.plus(Duration.ofMillis((long) (expiresIn * 1000 * share)));
	}

	private Map<String, String> form() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		form.put("client_id", this.clientId);
		form.put("client_secret", this.clientSecret);
		if (this.scope != null && !this.scope.isBlank()) {
			form.put("scope", this.scope);
		}
		return form;
	}

	@Override
	public boolean invalidate(String rejectedToken) {
		synchronized (this.lock) {
			if (rejectedToken.equals(this.token)) {
				this.token = null;
				this.refreshAt = Instant.MIN;
				this.expiresAt = Instant.MIN;
			}
		}
		return true;
	}

	@Override
	public String mode() {
		return "client-credentials(clientId=" + this.clientId + ")";
	}

	@Override
	public String toString() {
		return "ClientCredentialsTokenProvider[clientId=" + this.clientId + ", clientSecret=(hidden)]";
	}

}
