package ai.scailabs.scaivault.samples.dynamicdb;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import ai.scailabs.scaivault.jdbc.LeaseManager;
import ai.scailabs.scaivault.jdbc.LeasedDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The sample as it starts with no set-up: an in-process dev server with the H2 engine, Flyway
 * migrating through the leased pool, and orders written by leased accounts across a rotation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DynamicDbApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	LeaseManager lease;

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void ordersWhenLeaseRotatesThenAreWrittenByTheNewAccountAndOldOnesStayReadable() {
		RestClient http = RestClient.create("http://127.0.0.1:" + this.port);
		assertThat(this.dataSource).isInstanceOf(LeasedDataSource.class);
		Order first = http.post().uri("/orders?item=coffee").retrieve().body(Order.class);
		Map<String, Object> before = whoami(http);
		assertThat(first.createdBy()).isEqualTo(before.get("databaseUser"));
		String firstLease = this.lease.status().leaseId();
		this.lease.requestRotation("revoked");
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (firstLease.equals(this.lease.status().leaseId())) {
			if (System.nanoTime() > deadline) {
				fail("No rotation within 30s");
			}
			Thread.onSpinWait();
		}
		Order second = http.post().uri("/orders?item=tea").retrieve().body(Order.class);
		assertThat(second.createdBy()).isNotEqualTo(first.createdBy()).isEqualTo(whoami(http).get("databaseUser"));
		List<Order> orders = http.get().uri("/orders").retrieve().body(new ParameterizedTypeReference<>() {
		});
		assertThat(orders).extracting(Order::item).contains("coffee", "tea");
		String health = http.get().uri("/actuator/health").retrieve().body(String.class);
		assertThat(health).contains("scaivaultDatasource").contains("\"UP\"")
			.doesNotContain(this.lease.getCredentials().getPassword());
	}

	private static Map<String, Object> whoami(RestClient http) {
		return http.get().uri("/whoami").retrieve().body(new ParameterizedTypeReference<>() {
		});
	}

}
