package ai.scailabs.scaivault.config.env;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.secrets.Secret;
import ai.scailabs.scaivault.client.secrets.SecretType;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ScaiVaultPropertySource}.
 */
class ScaiVaultPropertySourceTests {

	private static final SecretReference OAUTH = new SecretReference("integrations/salesforce/oauth", null,
			"salesforce.");

	private static final SecretReference DB = new SecretReference("apps/shop/db", null, "");

	@Test
	void getPropertyWhenSecretsAreHeldReturnsFlattenedValuesWithOrigin() {
		ScaiVaultPropertySource source = source(Map.of(OAUTH, secret(OAUTH.path(), 3, Map.of("client_id", "id-3"))));
		assertThat(source.getProperty("salesforce.client_id")).isEqualTo("id-3");
		assertThat(source.getPropertyNames()).containsExactly("salesforce.client_id");
		Origin origin = source.getOrigin("salesforce.client_id");
		assertThat(origin).hasToString("ScaiVault path integrations/salesforce/oauth, version 3");
		assertThat(((ScaiVaultOrigin) origin).key()).isEqualTo("client_id");
		assertThat(source.getOrigin("salesforce.missing")).isNull();
		assertThat(source.getVersion(OAUTH.path())).isEqualTo(3);
	}

	@Test
	void getPropertyWhenTwoPathsDefineTheSameNameLaterPathWins() {
		SecretReference first = new SecretReference("a/first", null, "");
		SecretReference second = new SecretReference("a/second", null, "");
		Map<SecretReference, @Nullable Secret> secrets = new LinkedHashMap<>();
		secrets.put(first, secret("a/first", 1, Map.of("url", "first")));
		secrets.put(second, secret("a/second", 2, Map.of("url", "second")));
		ScaiVaultPropertySource source = source(secrets);
		assertThat(source.getProperty("url")).isEqualTo("second");
		assertThat(source.getOrigin("url")).hasToString("ScaiVault path a/second, version 2");
	}

	@Test
	void bindingWhenKeyIsSnakeCaseMatchesCamelCaseAndKebabCase() {
		ScaiVaultPropertySource source = source(Map.of(OAUTH, secret(OAUTH.path(), 1, Map.of("client_id", "id-1"))));
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(source);
		ConfigurationPropertySources.attach(environment);
		assertThat(Binder.get(environment).bind("salesforce.client-id", String.class).get()).isEqualTo("id-1");
		assertThat(Binder.get(environment).bind("salesforce", ClientProperties.class).get().getClientId())
			.isEqualTo("id-1");
	}

	@Test
	void updateWhenNewerVersionSwapsValuesAndReportsChangedNames() {
		ScaiVaultPropertySource source = source(
				Map.of(OAUTH, secret(OAUTH.path(), 3, Map.of("client_id", "id", "client_secret", "old", "gone", "x"))));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("client_id", "id");
		data.put("client_secret", "new");
		data.put("added", "y");
		assertThat(source.update(OAUTH.path(), secret(OAUTH.path(), 4, data)))
			.containsExactlyInAnyOrder("salesforce.client_secret", "salesforce.gone", "salesforce.added");
		assertThat(source.getProperty("salesforce.client_secret")).isEqualTo("new");
		assertThat(source.containsProperty("salesforce.gone")).isFalse();
		assertThat(source.getOrigin("salesforce.client_secret"))
			.hasToString("ScaiVault path integrations/salesforce/oauth, version 4");
		assertThat(source.getVersion(OAUTH.path())).isEqualTo(4);
	}

	@Test
	void updateWhenVersionIsNotNewerChangesNothing() {
		ScaiVaultPropertySource source = source(Map.of(OAUTH, secret(OAUTH.path(), 3, Map.of("client_id", "v3"))));
		assertThat(source.update(OAUTH.path(), secret(OAUTH.path(), 2, Map.of("client_id", "v2")))).isEmpty();
		assertThat(source.update(OAUTH.path(), secret(OAUTH.path(), 3, Map.of("client_id", "other")))).isEmpty();
		assertThat(source.getProperty("salesforce.client_id")).isEqualTo("v3");
	}

	@Test
	void updateWhenPathIsPinnedChangesNothing() {
		SecretReference pinned = new SecretReference("apps/shop/db", 2, "");
		ScaiVaultPropertySource source = source(Map.of(pinned, secret(pinned.path(), 2, Map.of("user", "a"))));
		assertThat(source.update(pinned.path(), secret(pinned.path(), 3, Map.of("user", "b")))).isEmpty();
		assertThat(source.getProperty("user")).isEqualTo("a");
		assertThat(source.getVersion(pinned.path())).isNull();
	}

	@Test
	void updateWhenOptionalPathWasMissingAddsItsValues() {
		Map<SecretReference, @Nullable Secret> secrets = new LinkedHashMap<>();
		secrets.put(DB, null);
		ScaiVaultPropertySource source = source(secrets);
		assertThat(source.getPropertyNames()).isEmpty();
		assertThat(source.update(DB.path(), secret(DB.path(), 1, Map.of("user", "a")))).containsExactly("user");
		assertThat(source.getProperty("user")).isEqualTo("a");
	}

	@Test
	void updateWhenPathIsNotHeldThrows() {
		ScaiVaultPropertySource source = source(Map.of(OAUTH, secret(OAUTH.path(), 1, Map.of("client_id", "id"))));
		assertThatIllegalArgumentException().isThrownBy(() -> source.update("other/path",
				secret("other/path", 1, Map.of()))).withMessageContaining("other/path");
		assertThatIllegalArgumentException().isThrownBy(() -> source.update(OAUTH.path(), secret("other/path", 1,
				Map.of()))).withMessageContaining("other/path");
	}

	@Test
	void toStringShowsNoValues() {
		ScaiVaultPropertySource source = source(Map.of(OAUTH, secret(OAUTH.path(), 1, Map.of("client_secret", "s3cr3t"))));
		assertThat(source.toString()).contains("integrations/salesforce/oauth").doesNotContain("s3cr3t");
	}

	@Test
	void toStringOfSnapshotEntriesAndValuesShowsPathsVersionsAndKeysButNoValues() throws Exception {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("client_secret", "s3cr3t");
		data.put("nested", Map.of("password", "pa55"));
		data.put("scopes", List.of("sc0pe"));
		ScaiVaultPropertySource source = source(Map.of(OAUTH, secret(OAUTH.path(), 7, data)));
		Object snapshot = ((AtomicReference<?>) field(source, "snapshot")).get();
		Map<?, ?> values = (Map<?, ?>) accessor(snapshot, "values");
		List<?> entries = (List<?>) accessor(snapshot, "entries");
		assertThat(values).hasSize(3);
		assertThat(snapshot.toString()).contains(OAUTH.path())
			.contains("salesforce.client_secret")
			.contains("salesforce.nested.password")
			.contains("salesforce.scopes[0]");
		assertThat(values.get("salesforce.client_secret")).hasToString(
				"Value[path=integrations/salesforce/oauth, version=7, key=client_secret]");
		List<String> strings = new ArrayList<>();
		strings.add(source.toString());
		strings.add(snapshot.toString());
		values.values().forEach((value) -> strings.add(value.toString()));
		entries.forEach((entry) -> strings.add(entry.toString()));
		assertThat(strings).allSatisfy((string) -> assertThat(string).doesNotContain("s3cr3t")
			.doesNotContain("pa55")
			.doesNotContain("sc0pe"));
	}

	private static Object field(Object target, String name) throws ReflectiveOperationException {
		Field field = target.getClass().getDeclaredField(name);
		field.setAccessible(true);
		return field.get(target);
	}

	private static Object accessor(Object record, String name) throws ReflectiveOperationException {
		Method method = record.getClass().getDeclaredMethod(name);
		method.setAccessible(true);
		return method.invoke(record);
	}

	private static ScaiVaultPropertySource source(Map<SecretReference, @Nullable Secret> secrets) {
		return new ScaiVaultPropertySource("scaivault:test", secrets, null);
	}

	private static Secret secret(String path, int version, Map<String, Object> data) {
		return new Secret(path, version, data, SecretType.JSON, null, null, null);
	}

	public static class ClientProperties {

		private @Nullable String clientId;

		public @Nullable String getClientId() {
			return this.clientId;
		}

		public void setClientId(@Nullable String clientId) {
			this.clientId = clientId;
		}

	}

}
