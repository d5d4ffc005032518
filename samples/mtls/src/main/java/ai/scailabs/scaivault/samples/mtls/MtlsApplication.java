package ai.scailabs.scaivault.samples.mtls;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.restclient.autoconfigure.RestClientSsl;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.client.RestClient;

/**
 * The mTLS sample: Tomcat serves HTTPS with the ScaiVault bundle {@code server} and requires a
 * client certificate; {@link SelfCaller} calls {@link PeerController} through a {@link RestClient}
 * built once, at start-up, from the ScaiVault bundle {@code client}. Run from the tests
 * ({@code TestMtlsApplication}) with no ScaiVault configured, an in-process dev server with a CA and
 * a role starts first.
 */
@SpringBootApplication
@EnableScheduling
public class MtlsApplication {

	@Bean
	RestClient selfClient(RestClient.Builder builder, RestClientSsl ssl) {
		// built once: it presents each renewed client certificate without being rebuilt
		return builder.apply(ssl.fromBundle("client")).build();
	}

	public static void main(String[] args) {
		SpringApplication.run(MtlsApplication.class, args);
	}

}
