package ai.scailabs.scaivault.config.data;

import org.springframework.boot.context.config.ConfigDataException;

/**
 * Thrown when a {@code scaivault:} location of {@code spring.config.import} is not well formed.
 *
 * @author ScaiLabs
 */
public class InvalidScaiVaultLocationException extends ConfigDataException {

	private static final long serialVersionUID = 1L;

	private final String location;

	private final String reason;

	/**
	 * Create an exception.
	 * @param location the location as written, such as {@code scaivault:app/db?version=x}
	 * @param reason what is wrong with it
	 */
	public InvalidScaiVaultLocationException(String location, String reason) {
		super("Invalid ScaiVault config data location '" + location + "': " + reason, null);
		this.location = location;
		this.reason = reason;
	}

	/**
	 * Return the location as written.
	 * @return the location
	 */
	public String getLocation() {
		return this.location;
	}

	/**
	 * Return what is wrong with the location.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
