package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The webhook endpoint on WebFlux: a filter that answers {@code POST {scaivault.refresh.webhook.path}}
 * itself, ahead of Spring Security's {@code WebFilterChainProxy}, so that security never locks the
 * endpoint out: the HMAC signature is its authentication. The body is collected up to 64 KiB
 * without blocking; checking it (an HMAC and a small JSON parse) does not block either, and the
 * work happens on the refresh thread.
 *
 * @author ScaiLabs
 */
final class ReactiveWebhookFilter implements WebFilter, Ordered {

	/**
	 * How much of a body announced as too large is read and dropped before the 413, so that the sender
	 * reads the answer instead of a connection reset while it still writes (Tomcat's
	 * {@code maxSwallowSize} does the same for the servlet filter). A larger body is not read.
	 */
	private static final int DISCARD_LIMIT = 2 * 1024 * 1024;

	private final String path;

	private final WebhookReceiver receiver;

	ReactiveWebhookFilter(String path, WebhookReceiver receiver) {
		this.path = path;
		this.receiver = receiver;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.path.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		if (!HttpMethod.POST.equals(exchange.getRequest().getMethod())) {
			response.getHeaders().set(HttpHeaders.ALLOW, "POST");
			return write(response, new WebhookAnswer(405, "method_not_allowed", "Deliver events with POST"));
		}
		if (exchange.getRequest().getHeaders().getContentLength() > WebhookReceiver.MAX_BODY_BYTES) {
			return discardBody(exchange).then(Mono.defer(() -> write(response, this.receiver.tooLarge())));
		}
		String signature = exchange.getRequest().getHeaders().getFirst(WebhookSignatures.HEADER);
		return DataBufferUtils.join(exchange.getRequest().getBody(), WebhookReceiver.MAX_BODY_BYTES)
			.map(ReactiveWebhookFilter::bytes)
			.defaultIfEmpty(new byte[0])
			.map((body) -> this.receiver.receive(body, signature))
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.just(this.receiver.tooLarge()))
			.flatMap((answer) -> write(response, answer));
	}

	private static Mono<Void> discardBody(ServerWebExchange exchange) {
		return DataBufferUtils.join(exchange.getRequest().getBody(), DISCARD_LIMIT)
			.doOnNext(DataBufferUtils::release)
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.empty())
			.then();
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static Mono<Void> write(ServerHttpResponse response, WebhookAnswer answer) {
		response.setStatusCode(HttpStatus.valueOf(answer.status()));
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		DataBuffer body = response.bufferFactory().wrap(answer.body().getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(body));
	}

	@Override
	public int getOrder() {
		return ServletWebhookFilter.ORDER;
	}

}
