package ai.scailabs.scaivault.client;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import ai.scailabs.scaivault.client.WireTestSupport.RecordingDelayer;

/**
 * Base of the resource groups' wire tests: a fresh {@link MockWebServer} per test, and a blocking
 * and an async client against it (static token, no environment, instant delayer), all closed after
 * the test.
 */
public abstract class AbstractWireTests {

	/** The server the clients talk to. */
	protected final MockWebServer server = new MockWebServer();

	/** Records the waits between retries instead of waiting. */
	protected final RecordingDelayer delayer = new RecordingDelayer();

	/** The blocking client. */
	protected ScaiVaultClient client;

	/** The async client. */
	protected ScaiVaultAsyncClient asyncClient;

	@BeforeEach
	void startServerAndClients() throws Exception {
		this.server.start();
		this.client = WireTestSupport.builder(this.server, this.delayer).build();
		this.asyncClient = WireTestSupport.builder(this.server, this.delayer).buildAsync();
	}

	@AfterEach
	void closeClientsAndServer() {
		this.client.close();
		this.asyncClient.close();
		this.server.close();
	}

}
