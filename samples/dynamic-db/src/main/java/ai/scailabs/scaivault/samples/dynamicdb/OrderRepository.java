package ai.scailabs.scaivault.samples.dynamicdb;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders in the database, through whatever {@code DataSource} Boot configured: here the pool on
 * leased credentials. Nothing in it knows about leases.
 */
@Repository
public class OrderRepository {

	private final JdbcClient jdbc;

	private final String currentUserQuery;

	public OrderRepository(JdbcClient jdbc, @Value("${sample.db.current-user-query}") String currentUserQuery) {
		this.jdbc = jdbc;
		this.currentUserQuery = currentUserQuery;
	}

	/**
	 * @param item what was ordered
	 * @return the new order
	 */
	public Order add(String item) {
		String user = currentUser();
		this.jdbc.sql("INSERT INTO sample_orders (item, created_by) VALUES (?, ?)").params(item, user).update();
		return this.jdbc.sql("SELECT id, item, created_by FROM sample_orders WHERE item = ? AND created_by = ? "
				+ "ORDER BY id DESC").params(item, user).query(Order.class).list().get(0);
	}

	/** @return the last 20 orders */
	public List<Order> recent() {
		return this.jdbc.sql("SELECT id, item, created_by FROM sample_orders ORDER BY id DESC")
			.query(Order.class)
			.list()
			.stream()
			.limit(20)
			.toList();
	}

	/** @return the database user the session runs as */
	public String currentUser() {
		return this.jdbc.sql(this.currentUserQuery).query(String.class).single();
	}

}
