package ai.scailabs.scaivault.samples.mtls;

import java.time.Duration;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.pki.CertificateAuthority;
import ai.scailabs.scaivault.client.pki.CreateCaRequest;
import ai.scailabs.scaivault.client.pki.CreateRoleRequest;
import ai.scailabs.scaivault.client.pki.KeyType;
import ai.scailabs.scaivault.samples.devserver.SampleDevServerSeed;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * The mTLS sample's dev server: a CA and the role {@value #ROLE} (server and client certificates
 * for {@code localhost} and its subdomains), which the application issues from with the root
 * token. In a real deployment, ScaiVault's administrators create the role. Development only.
 */
public class MtlsDevServerSeed implements SampleDevServerSeed {

	static final String ROLE = "mtls-localhost";

	@Override
	public @Nullable Client client() {
		return null;
	}

	@Override
	public void seed(ScaiVaultClient root) {
		CertificateAuthority ca = root.pki()
			.createCa(CreateCaRequest.root("mtls-root", "mTLS Sample Root CA").withKey(KeyType.EC, 256));
		root.pki()
			.createRole(CreateRoleRequest.of(ROLE, ca.id(), "localhost")
				.withSubdomains()
				.withIpSans()
				.withServerAuth()
				.withClientAuth()
				.withKey(KeyType.EC, 256)
				.withMaxTtl(Duration.ofDays(1)));
	}

	@Override
	public String describe(Environment environment) {
		return "with a CA and the PKI role " + ROLE;
	}

}
