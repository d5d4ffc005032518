package ai.scailabs.scaivault.devserver.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

/**
 * JUnit Jupiter extension that starts one {@link ScaiVaultDevServer} per test class (configured
 * by {@link ScaiVaultDevServerTest}, or defaults when used with {@code @ExtendWith}), injects it
 * into parameters and into fields of type {@code ScaiVaultDevServer} (static fields before all
 * tests, instance fields for every test instance), and closes it after the class. Nested classes
 * share the server of their enclosing class.
 */
public class ScaiVaultDevServerExtension
		implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(ScaiVaultDevServerExtension.class);

	private static final String KEY = "server";

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		ScaiVaultDevServer server = find(context);
		if (server == null) {
			server = start(context.getRequiredTestClass());
			context.getStore(NAMESPACE).put(KEY, server);
			context.getStore(NAMESPACE).put(KEY + ".owner", context.getUniqueId());
		}
		injectFields(context.getRequiredTestClass(), null, server, true);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		if (context.getUniqueId().equals(store.get(KEY + ".owner", String.class))) {
			ScaiVaultDevServer server = store.remove(KEY, ScaiVaultDevServer.class);
			store.remove(KEY + ".owner");
			if (server != null) {
				server.close();
			}
		}
	}

	@Override
	public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
		ScaiVaultDevServer server = find(context);
		if (server != null) {
			injectFields(testInstance.getClass(), testInstance, server, false);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == ScaiVaultDevServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		ScaiVaultDevServer server = find(extensionContext);
		if (server == null) {
			throw new ParameterResolutionException("No ScaiVaultDevServer is running for "
					+ extensionContext.getDisplayName() + "; annotate the class with @ScaiVaultDevServerTest");
		}
		return server;
	}

	private static @Nullable ScaiVaultDevServer find(ExtensionContext context) {
		return context.getStore(NAMESPACE).get(KEY, ScaiVaultDevServer.class);
	}

	private static ScaiVaultDevServer start(Class<?> testClass) {
		ScaiVaultDevServer.Builder builder = ScaiVaultDevServer.builder();
		Optional<ScaiVaultDevServerTest> annotation = findAnnotation(testClass);
		if (annotation.isPresent()) {
			ScaiVaultDevServerTest settings = annotation.get();
			if (!settings.rootToken().isEmpty()) {
				builder.rootToken(settings.rootToken());
			}
			builder.https(settings.https());
			builder.tokenLifetime(Duration.ofSeconds(settings.tokenLifetimeSeconds()));
			for (String client : settings.clients()) {
				addClient(builder, client);
			}
			for (String seed : settings.seed()) {
				builder.seed(resource(testClass, seed));
			}
		}
		return builder.start();
	}

	private static Optional<ScaiVaultDevServerTest> findAnnotation(Class<?> testClass) {
		for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
			ScaiVaultDevServerTest annotation = type.getAnnotation(ScaiVaultDevServerTest.class);
			if (annotation != null) {
				return Optional.of(annotation);
			}
		}
		return Optional.empty();
	}

	private static void addClient(ScaiVaultDevServer.Builder builder, String client) {
		String[] parts = client.split(":", -1);
		if (parts.length < 4) {
			throw new IllegalArgumentException("@ScaiVaultDevServerTest client '" + parts[0]
					+ "' must be ID:SECRET:IDENTITY[:GROUP,...]");
		}
		String[] groups = (parts.length > 4)
				? String.join(":", Arrays.copyOfRange(parts, 4, parts.length)).split(",") : new String[0];
		builder.client(parts[0], parts[1], parts[2] + ":" + parts[3], groups);
	}

	private static String resource(Class<?> testClass, String name) {
		String path = name.startsWith("/") ? name.substring(1) : name;
		try (InputStream in = testClass.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("Seed resource '" + name + "' is not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read seed resource '" + name + "'", ex);
		}
	}

	private static void injectFields(Class<?> type, @Nullable Object instance, ScaiVaultDevServer server,
			boolean statics) throws IllegalAccessException {
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (field.getType() != ScaiVaultDevServer.class || Modifier.isFinal(field.getModifiers())
						|| Modifier.isStatic(field.getModifiers()) != statics) {
					continue;
				}
				field.setAccessible(true);
				field.set(instance, server);
			}
		}
	}

}
