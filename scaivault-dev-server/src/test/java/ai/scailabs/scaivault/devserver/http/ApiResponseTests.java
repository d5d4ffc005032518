package ai.scailabs.scaivault.devserver.http;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.devserver.auth.Principal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ApiResponse} and {@link DispatchResult}: their text never shows secret values.
 */
class ApiResponseTests {

	@Test
	void toStringShowsStatusBodyTypeAndHeaderNamesOnly() {
		ApiResponse response = new ApiResponse(200, Map.of("access_token", "tok-never-printed"),
				Map.of("X-Secret-Header", "header-value-never-printed"));
		assertThat(response.toString()).contains("200", "X-Secret-Header")
			.doesNotContain("tok-never-printed", "header-value-never-printed", "access_token");
	}

	@Test
	void toStringOfNoContentSaysNoBody() {
		assertThat(ApiResponse.noContent().toString()).contains("204", "none");
	}

	@Test
	void dispatchResultToStringNeverShowsTheBody() {
		DispatchResult result = new DispatchResult(ApiResponse.ok(Map.of("private_key_pem", "key-never-printed")),
				new Principal("sa:app", java.util.Set.of(), false, false), "/v1/pki/issue/web");
		assertThat(result.toString()).contains("sa:app", "/v1/pki/issue/web")
			.doesNotContain("key-never-printed");
	}

}
