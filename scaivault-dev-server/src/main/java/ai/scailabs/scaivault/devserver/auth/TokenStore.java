package ai.scailabs.scaivault.devserver.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.Authenticator;
import ai.scailabs.scaivault.devserver.http.ErrorCode;
import ai.scailabs.scaivault.devserver.time.DevClock;

/**
 * The bearer tokens the dev server knows: the root token, tokens of the client-credentials
 * grant and tokens minted by tests. Expiry is measured on the {@link DevClock}; an expired token
 * answers {@code token_expired}, an unknown one {@code authentication_required}. A day after a
 * token expires only its SHA-256 hash and expiry are kept (the newest {@value #MAX_EXPIRED} of them),
 * so that it still answers {@code token_expired} however far a test moves the clock: clients
 * refresh on {@code token_expired} only.
 */
public final class TokenStore implements Authenticator {

	private static final String BEARER = "bearer ";

	/** How many hashes of forgotten expired tokens are kept. */
	static final int MAX_EXPIRED = 100_000;

	private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();

	/** Expiry by SHA-256 hash (base64) of forgotten expired tokens, oldest first; guarded by itself. */
	private final Map<String, Instant> expired = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
			return size() > MAX_EXPIRED;
		}

	};

	private final Map<String, Set<String>> groups = new ConcurrentHashMap<>();

	private final DevClock clock;

	private final SecureRandom random;

	public TokenStore(DevClock clock, SecureRandom random) {
		this.clock = clock;
		this.random = random;
		clock.onTick(this::forgetExpired);
	}

	/**
	 * Register the root token, which never expires and is allowed everything.
	 * @param token the token
	 * @return the issued token
	 */
	public IssuedToken registerRoot(String token) {
		if (token.isBlank()) {
			throw new IllegalArgumentException("The root token must not be blank");
		}
		IssuedToken issued = new IssuedToken(token, new Principal("root", Set.of(), true, true), null);
		this.tokens.put(token, issued);
		return issued;
	}

	/**
	 * Mint a token.
	 * @param identityId the identity, such as {@code sa:reporting-service}
	 * @param groups its groups, such as {@code group:developers}
	 * @param mfa whether the token says the caller passed MFA
	 * @param lifetime how long it lives on the dev clock
	 * @return the issued token
	 */
	public IssuedToken issue(String identityId, Set<String> groups, boolean mfa, Duration lifetime) {
		if (identityId.isBlank()) {
			throw new IllegalArgumentException("The identity id must not be blank");
		}
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalArgumentException("The token lifetime must be positive");
		}
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String token = "svt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		IssuedToken issued = new IssuedToken(token, new Principal(identityId, groups, mfa, false),
				this.clock.now().plus(lifetime));
		this.tokens.put(token, issued);
		this.groups.put(identityId, issued.principal().groups());
		return issued;
	}

	/**
	 * @param identityId an identity
	 * @return the groups of the newest token issued to it (empty when none)
	 */
	public Set<String> groupsOf(String identityId) {
		return this.groups.getOrDefault(identityId, Set.of());
	}

	/**
	 * Forget a token, so that it answers {@code authentication_required}.
	 * @param token the token
	 */
	public void revoke(String token) {
		this.tokens.remove(token);
		synchronized (this.expired) {
			this.expired.remove(hash(token));
		}
	}

	@Override
	public Principal authenticate(@Nullable String authorization) {
		if (authorization == null || authorization.isBlank()) {
			throw new ApiException(ErrorCode.AUTHENTICATION_REQUIRED,
					"Authentication required: send 'Authorization: Bearer <token>'");
		}
		if (authorization.length() <= BEARER.length()
				|| !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw new ApiException(ErrorCode.AUTHENTICATION_REQUIRED,
					"The Authorization header must use the Bearer scheme: 'Authorization: Bearer <token>'");
		}
		String token = authorization.substring(BEARER.length()).trim();
		IssuedToken issued = this.tokens.get(token);
		if (issued == null) {
			Instant expiredAt;
			synchronized (this.expired) {
				expiredAt = this.expired.get(hash(token));
			}
			if (expiredAt != null) {
				throw expired(expiredAt);
			}
			throw new ApiException(ErrorCode.AUTHENTICATION_REQUIRED,
					"The bearer token is not valid; obtain a new one from the token endpoint");
		}
		Instant expiresAt = issued.expiresAt();
		if (expiresAt != null && !this.clock.now().isBefore(expiresAt)) {
			throw expired(expiresAt);
		}
		return issued.principal();
	}

	private static ApiException expired(Instant expiresAt) {
		return new ApiException(ErrorCode.TOKEN_EXPIRED, "The bearer token has expired; obtain a new one",
				Map.of("expired_at", expiresAt.toString()));
	}

	private void forgetExpired(Instant now) {
		Instant horizon = now.minus(Duration.ofDays(1));
		Iterator<IssuedToken> candidates = this.tokens.values().iterator();
		while (candidates.hasNext()) {
			IssuedToken issued = candidates.next();
			Instant expiresAt = issued.expiresAt();
			if (expiresAt != null && expiresAt.isBefore(horizon)) {
				synchronized (this.expired) {
					this.expired.put(hash(issued.token()), expiresAt);
				}
				candidates.remove();
			}
		}
	}

	private static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
