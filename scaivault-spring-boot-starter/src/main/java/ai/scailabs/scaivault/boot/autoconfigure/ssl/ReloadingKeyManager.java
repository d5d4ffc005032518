package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslStoreBundle;

/**
 * An {@link X509ExtendedKeyManager} that always serves a bundle's current certificate: it delegates
 * to the key manager of the latest certificate, swapped atomically on renewal. A handshake that
 * chose its alias just before a swap still gets the matching chain and key, because every
 * certificate has its own alias and the previous one is kept. On renewal it invalidates the cached
 * sessions of the contexts it served, so that no client resumes a session of the old certificate.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {

	private final Set<SSLSessionContext> sessionContexts = Collections.newSetFromMap(new WeakHashMap<>());

	private volatile @Nullable Generation current;

	private volatile @Nullable Generation previous;

	/**
	 * Serve the given certificate from now on.
	 * @param alias the certificate's alias in the key store
	 * @param stores the certificate's stores
	 */
	void reload(String alias, SslStoreBundle stores) {
		Generation next = new Generation(alias, keyManager(stores));
		this.previous = this.current;
		this.current = next;
		if (this.previous != null) {
			forgetSessions();
		}
	}

	/**
	 * Invalidate the cached TLS sessions of every context this manager served, whoever built it
	 * (an {@code SSLContext} of the bundle, Reactor Netty, a JDK {@code HttpClient}), so that their
	 * next connection is a full handshake that presents the new certificate rather than a resumed
	 * session that carries the old one.
	 */
	private void forgetSessions() {
		List<SSLSessionContext> contexts;
		synchronized (this.sessionContexts) {
			contexts = new ArrayList<>(this.sessionContexts);
		}
		for (SSLSessionContext context : contexts) {
			for (Enumeration<byte[]> ids = context.getIds(); ids.hasMoreElements();) {
				SSLSession session = context.getSession(ids.nextElement());
				if (session != null) {
					session.invalidate();
				}
			}
		}
	}

	private void remember(@Nullable SSLSession handshake) {
		SSLSessionContext context = (handshake != null) ? handshake.getSessionContext() : null;
		if (context != null) {
			synchronized (this.sessionContexts) {
				this.sessionContexts.add(context);
			}
		}
	}

	private void remember(@Nullable Socket socket) {
		if (socket instanceof SSLSocket ssl) {
			remember(ssl.getHandshakeSession());
		}
	}

	private void remember(@Nullable SSLEngine engine) {
		if (engine != null) {
			remember(engine.getHandshakeSession());
		}
	}

	private static X509ExtendedKeyManager keyManager(SslStoreBundle stores) {
		try {
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			String password = stores.getKeyStorePassword();
			factory.init(stores.getKeyStore(), (password != null) ? password.toCharArray() : new char[0]);
			for (KeyManager manager : factory.getKeyManagers()) {
				if (manager instanceof X509ExtendedKeyManager x509) {
					return x509;
				}
			}
			throw new IllegalStateException("The JDK offers no X509ExtendedKeyManager");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not load the issued certificate into a key manager", ex);
		}
	}

	private @Nullable X509ExtendedKeyManager delegate() {
		Generation generation = this.current;
		return (generation != null) ? generation.manager() : null;
	}

	private @Nullable X509ExtendedKeyManager delegate(@Nullable String alias) {
		if (alias == null) {
			return null;
		}
		Generation generation = this.current;
		if (generation != null && generation.alias().equals(alias)) {
			return generation.manager();
		}
		generation = this.previous;
		return (generation != null && generation.alias().equals(alias)) ? generation.manager() : null;
	}

	@Override
	public String @Nullable [] getClientAliases(String keyType, Principal @Nullable [] issuers) {
		X509ExtendedKeyManager delegate = delegate();
		return (delegate != null) ? delegate.getClientAliases(keyType, issuers) : null;
	}

	@Override
	public @Nullable String chooseClientAlias(String[] keyType, Principal @Nullable [] issuers,
			@Nullable Socket socket) {
		remember(socket);
		X509ExtendedKeyManager delegate = delegate();
		return (delegate != null) ? delegate.chooseClientAlias(keyType, issuers, socket) : null;
	}

	@Override
	public @Nullable String chooseEngineClientAlias(String[] keyType, Principal @Nullable [] issuers,
			@Nullable SSLEngine engine) {
		remember(engine);
		X509ExtendedKeyManager delegate = delegate();
		return (delegate != null) ? delegate.chooseEngineClientAlias(keyType, issuers, engine) : null;
	}

	@Override
	public String @Nullable [] getServerAliases(String keyType, Principal @Nullable [] issuers) {
		X509ExtendedKeyManager delegate = delegate();
		return (delegate != null) ? delegate.getServerAliases(keyType, issuers) : null;
	}

	@Override
	public @Nullable String chooseServerAlias(String keyType, Principal @Nullable [] issuers,
			@Nullable Socket socket) {
		remember(socket);
		X509ExtendedKeyManager delegate = delegate();
		return (delegate != null) ? delegate.chooseServerAlias(keyType, issuers, socket) : null;
	}

	@Override
	public @Nullable String chooseEngineServerAlias(String keyType, Principal @Nullable [] issuers,
			@Nullable SSLEngine engine) {
		remember(engine);
		X509ExtendedKeyManager delegate = delegate();
		return (delegate != null) ? delegate.chooseEngineServerAlias(keyType, issuers, engine) : null;
	}

	@Override
	public X509Certificate @Nullable [] getCertificateChain(@Nullable String alias) {
		X509ExtendedKeyManager delegate = delegate(alias);
		return (delegate != null) ? delegate.getCertificateChain(alias) : null;
	}

	@Override
	public @Nullable PrivateKey getPrivateKey(@Nullable String alias) {
		X509ExtendedKeyManager delegate = delegate(alias);
		return (delegate != null) ? delegate.getPrivateKey(alias) : null;
	}

	@Override
	public String toString() {
		Generation generation = this.current;
		return "ReloadingKeyManager[alias=" + ((generation != null) ? generation.alias() : null) + "]";
	}

	/**
	 * The key manager of one certificate.
	 *
	 * @param alias the certificate's alias
	 * @param manager its key manager
	 */
	private record Generation(String alias, X509ExtendedKeyManager manager) {

	}

}
