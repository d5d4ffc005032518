package ai.scailabs.scaivault.samples.dynamicdb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.scailabs.scaivault.jdbc.LeaseManager;
import ai.scailabs.scaivault.jdbc.LeaseStatus;

/**
 * {@code POST /orders?item=...}, {@code GET /orders}, and {@code GET /whoami}: the leased user the
 * next session runs as and the lease (never the password).
 */
@RestController
public class OrderController {

	private final OrderRepository orders;

	private final LeaseManager lease;

	public OrderController(OrderRepository orders, LeaseManager lease) {
		this.orders = orders;
		this.lease = lease;
	}

	@PostMapping("/orders")
	public Order add(@RequestParam String item) {
		return this.orders.add(item);
	}

	@GetMapping("/orders")
	public List<Order> recent() {
		return this.orders.recent();
	}

	@GetMapping("/whoami")
	public Map<String, Object> whoami() {
		LeaseStatus status = this.lease.status();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("databaseUser", this.orders.currentUser());
		answer.put("leaseId", status.leaseId());
		answer.put("expiresAt", String.valueOf(status.expiresAt()));
		return answer;
	}

}
