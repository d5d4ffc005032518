package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.util.Locale;

/**
 * What became of an event, as the {@code outcome} tag of {@code scaivault.refresh.events}.
 *
 * @author ScaiLabs
 */
enum RefreshOutcome {

	/** The event was acted on: new values are in place, or a rotation.due or deletion was published. */
	APPLIED,

	/** The event announced a version not newer than the one held, or its occurred_at was too old. */
	STALE,

	/** The event id was seen before. */
	REPLAYED,

	/** The delivery was refused: bad signature, malformed or too large. */
	REJECTED,

	/** The event is about a path this application did not import, or of a type it does not act on. */
	IGNORED,

	/** Re-reading the secret failed; the last values stay. */
	FAILED;

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
