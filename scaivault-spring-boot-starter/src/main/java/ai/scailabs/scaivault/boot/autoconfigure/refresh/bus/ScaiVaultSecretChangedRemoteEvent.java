package ai.scailabs.scaivault.boot.autoconfigure.refresh.bus;

import com.fasterxml.jackson.annotation.JsonCreator;

import org.springframework.cloud.bus.event.Destination;
import org.springframework.cloud.bus.event.RemoteApplicationEvent;

/**
 * What crosses the bus when a secret changes: the path and the new version, never a value. Each
 * replica that receives it re-reads the path with its own identity.
 *
 * @author ScaiLabs
 */
@SuppressWarnings("serial")
public class ScaiVaultSecretChangedRemoteEvent extends RemoteApplicationEvent {

	private String path = "";

	private int version;

	/** For the bus's JSON mapper, which fills in the fields. */
	@JsonCreator
	@SuppressWarnings("unused")
	private ScaiVaultSecretChangedRemoteEvent() {
	}

	/**
	 * Create an event for every replica on the bus.
	 * @param source the sender
	 * @param originService the sender's bus id
	 * @param destination the replicas to reach
	 * @param path the secret path that changed
	 * @param version its new version
	 */
	public ScaiVaultSecretChangedRemoteEvent(Object source, String originService, Destination destination, String path,
			int version) {
		super(source, originService, destination);
		this.path = path;
		this.version = version;
	}

	/**
	 * The secret path that changed.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * The version ScaiVault announced for it.
	 * @return the new version
	 */
	public int getVersion() {
		return this.version;
	}

	@Override
	public String toString() {
		return "ScaiVaultSecretChangedRemoteEvent[id=" + getId() + ", origin=" + getOriginService() + ", path="
				+ this.path + ", version=" + this.version + "]";
	}

}
