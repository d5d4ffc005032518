package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web applications on Tomcat, Reactor Netty or Jetty that answer {@code GET /peer} with the serial
 * number of the client certificate of the connection ({@code none} without one) and close the
 * connection, so every request of a client makes a new handshake.
 */
final class SslTestApplications {

	/**
	 * Spring Security, on the starter's test class path for the webhook receiver's tests, would answer
	 * the peer endpoints 401: these applications authenticate by client certificate alone.
	 */
	private static final String SECURITY = String.join(",",
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration");

	private SslTestApplications() {
	}

	enum Server {

		TOMCAT(WebApplicationType.SERVLET, ServletApplication.class,
				"org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration"),

		JETTY(WebApplicationType.SERVLET, ServletApplication.class,
				"org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration"),

		NETTY(WebApplicationType.REACTIVE, ReactiveApplication.class,
				"org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration,"
						+ "org.springframework.boot.jetty.autoconfigure.reactive.JettyReactiveWebServerAutoConfiguration");

		private final WebApplicationType type;

		private final Class<?> application;

		private final String excluded;

		Server(WebApplicationType type, Class<?> application, String excluded) {
			this.type = type;
			this.application = application;
			this.excluded = excluded;
		}

	}

	/**
	 * Start the application on the given server, on a random port.
	 * @param server the web server
	 * @param properties more properties
	 * @return the running context
	 */
	static ConfigurableApplicationContext run(Server server, List<String> properties) {
		List<String> all = new ArrayList<>(properties);
		all.add("server.port=0");
		all.add("spring.autoconfigure.exclude=" + server.excluded + "," + SECURITY);
		all.add("spring.main.banner-mode=off");
		return new SpringApplicationBuilder(server.application).web(server.type)
			.properties(all.toArray(String[]::new))
			.run();
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static String serial(Certificate @org.jspecify.annotations.Nullable [] certificates) {
		if (certificates == null || certificates.length == 0) {
			return "none";
		}
		return ((X509Certificate) certificates[0]).getSerialNumber().toString(16);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ServletPeerController.class)
	static class ServletApplication {

	}

	@RestController
	static class ServletPeerController {

		@GetMapping("/peer")
		String peer(HttpServletRequest request, HttpServletResponse response) {
			response.setHeader("Connection", "close");
			return serial((Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate"));
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ReactivePeerController.class)
	static class ReactiveApplication {

	}

	@RestController
	static class ReactivePeerController {

		@GetMapping("/peer")
		ResponseEntity<String> peer(ServerHttpRequest request) {
			String serial = (request.getSslInfo() != null) ? serial(request.getSslInfo().getPeerCertificates())
					: "none";
			return ResponseEntity.ok().header("Connection", "close").body(serial);
		}

	}

}
