package ai.scailabs.scaivault.benchmarks.startup;

import java.lang.management.ManagementFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * The small application whose start-up {@link SpringBootStartupHarness} times: it binds
 * {@link BenchProperties} and resolves one {@code @Value}, then prints one line
 * ({@value #READY}{@code uptimeMs=... bound=... complete=...}, never a value) on
 * {@link ApplicationReadyEvent}, closes the context, prints {@value #CLOSED} and returns from
 * {@code main}, so that the harness can time the JVM's exit.
 */
@SpringBootApplication
@EnableConfigurationProperties(BenchProperties.class)
public class StartupApp {

	/** The start of the line printed when the application is ready. */
	public static final String READY = "STARTUP-READY ";

	/** The line printed once the context is closed, just before {@code main} returns. */
	public static final String CLOSED = "STARTUP-CLOSED";

	/**
	 * @param args Spring Boot arguments, such as {@code --spring.config.location=file:...}
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApp.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args).close();
		// From here on only the JVM's exit remains: the harness times it.
		System.out.println(CLOSED);
		System.out.flush();
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> readyLine(BenchProperties properties,
			@Value("${bench.secrets.s000.password}") String firstPassword) {
		return (event) -> {
			long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
			long complete = properties.secrets().values().stream().filter(BenchProperties.Credentials::complete).count();
			boolean valueResolved = !firstPassword.isEmpty();
			System.out.println(READY + "uptimeMs=" + uptime + " bound=" + properties.secrets().size() + " complete="
					+ (valueResolved ? complete : 0) + " expected=" + properties.expected());
			System.out.flush();
		};
	}

}
