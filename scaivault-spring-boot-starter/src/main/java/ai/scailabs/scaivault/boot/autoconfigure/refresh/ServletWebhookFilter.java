package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webhook endpoint on Spring MVC (any servlet stack): a filter that answers
 * {@code POST {scaivault.refresh.webhook.path}} itself. It runs before Spring Security's filter
 * chain, so that security never locks the endpoint out: the HMAC signature is its
 * authentication. Other requests pass through untouched.
 *
 * @author ScaiLabs
 */
final class ServletWebhookFilter extends OncePerRequestFilter implements Ordered {

	/** Ahead of Spring Security's filter chain (-100) and of anything that reads the body. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private final String path;

	private final WebhookReceiver receiver;

	ServletWebhookFilter(String path, WebhookReceiver receiver) {
		this.path = path;
		this.receiver = receiver;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.path.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"POST".equals(request.getMethod())) {
			response.setHeader("Allow", "POST");
			write(response, new WebhookAnswer(405, "method_not_allowed", "Deliver events with POST"));
			return;
		}
		if (request.getContentLengthLong() > WebhookReceiver.MAX_BODY_BYTES) {
			write(response, this.receiver.tooLarge());
			return;
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(WebhookReceiver.MAX_BODY_BYTES + 1);
		}
		write(response, this.receiver.receive(body, request.getHeader(WebhookSignatures.HEADER)));
	}

	private static void write(HttpServletResponse response, WebhookAnswer answer) throws IOException {
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		response.setStatus(answer.status());
		response.setContentType(WebhookAnswer.CONTENT_TYPE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
