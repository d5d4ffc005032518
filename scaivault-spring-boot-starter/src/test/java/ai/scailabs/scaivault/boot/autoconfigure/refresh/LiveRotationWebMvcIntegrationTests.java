package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import org.springframework.boot.WebApplicationType;

/**
 * Live rotation on Spring MVC (Tomcat).
 */
class LiveRotationWebMvcIntegrationTests extends AbstractLiveRotationIntegrationTests {

	@Override
	WebApplicationType webApplicationType() {
		return WebApplicationType.SERVLET;
	}

}
