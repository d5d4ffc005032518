package ai.scailabs.scaivault.samples.dynamicdb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An orders service whose {@code DataSource} logs in with leased credentials
 * ({@code scaivault.datasource.*} in {@code application.properties}).
 */
@SpringBootApplication
public class DynamicDbApplication {

	public static void main(String[] args) {
		SpringApplication.run(DynamicDbApplication.class, args);
	}

}
