package ai.scailabs.scaivault.test.amqp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded broker starts from Maven artifacts alone, whatever the machine runs, and speaks
 * AMQP 0-9-1.
 */
class EmbeddedQpidBrokerTests {

	@Test
	void startThenAnswersTheAmqp091Handshake() {
		TestBroker broker = EmbeddedQpidBroker.start("this test starts one on purpose");
		assertThat(broker.host()).isEqualTo("127.0.0.1");
		assertThat(broker.port()).isNotEqualTo(TestBrokers.LOCAL_PORT);
		assertThat(TestBrokers.unusable(broker.host(), broker.port())).isNull();
		assertThat(broker.toString()).contains("Qpid Broker-J");
	}

}
