package ai.scailabs.scaivault.devserver.secrets;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * One version of a secret as a read returns it. {@link #toString()} shows the keys of the data,
 * never its values.
 *
 * @param path the secret path
 * @param version the version number, from 1
 * @param data the secret values (a copy the caller may keep)
 * @param secretType the secret type
 * @param metadata the secret's metadata
 * @param createdAt when this version was written
 * @param updatedAt when the secret last changed
 */
public record SecretVersion(String path, int version, ObjectNode data, String secretType, SecretMetadata metadata,
		Instant createdAt, Instant updatedAt) {

	@Override
	public String toString() {
		return "SecretVersion[path=" + this.path + ", version=" + this.version + ", keys=" + this.data.propertyNames()
				+ ", secretType=" + this.secretType + ", metadata=" + this.metadata + ", createdAt=" + this.createdAt
				+ ", updatedAt=" + this.updatedAt + "]";
	}

}
