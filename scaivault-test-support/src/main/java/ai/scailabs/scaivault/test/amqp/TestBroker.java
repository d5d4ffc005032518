package ai.scailabs.scaivault.test.amqp;

/**
 * An AMQP 0-9-1 broker the tests may use, with an account that may declare exchanges and queues.
 *
 * @param product what it is, such as {@code RabbitMQ} or {@code embedded Qpid Broker-J 9.2.1}
 * @param host the host
 * @param port the AMQP port
 * @param username the account
 * @param password its password
 * @param origin why this one was chosen
 */
public record TestBroker(String product, String host, int port, String username, String password, String origin) {

	@Override
	public String toString() {
		return product() + " amqp://" + host() + ":" + port() + " as " + username() + " (" + origin() + ")";
	}

}
