package ai.scailabs.scaivault.boot.autoconfigure.refresh;

/**
 * What the webhook endpoint answers: a status and a short JSON body that names the outcome, never
 * the delivery's content.
 *
 * @param status the HTTP status
 * @param code the outcome, such as {@code accepted} or {@code invalid_signature}
 * @param message what it means, for whoever reads ScaiVault's delivery log
 * @author ScaiLabs
 */
record WebhookAnswer(int status, String code, String message) {

	static final String CONTENT_TYPE = "application/json";

	static WebhookAnswer accepted() {
		return new WebhookAnswer(202, "accepted", "Event accepted");
	}

	/**
	 * Return the JSON body.
	 * @return {@code {"status": code, "message": message}}
	 */
	String body() {
		return "{\"status\":\"" + this.code + "\",\"message\":\"" + this.message.replace("\\", "\\\\").replace("\"", "'")
				+ "\"}";
	}

}
