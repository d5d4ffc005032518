package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import org.springframework.boot.WebApplicationType;

/**
 * Live rotation on WebFlux (Reactor Netty).
 */
class LiveRotationWebFluxIntegrationTests extends AbstractLiveRotationIntegrationTests {

	@Override
	WebApplicationType webApplicationType() {
		return WebApplicationType.REACTIVE;
	}

}
