/**
 * A real AMQP 0-9-1 broker for this project's tests: an explicit override, the machine's RabbitMQ,
 * else an embedded Apache Qpid Broker-J from Maven artifacts.
 */
@NullMarked
package ai.scailabs.scaivault.test.amqp;

import org.jspecify.annotations.NullMarked;
