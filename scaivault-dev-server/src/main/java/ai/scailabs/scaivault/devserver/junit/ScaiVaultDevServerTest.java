package ai.scailabs.scaivault.devserver.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@code ScaiVaultDevServer} for the annotated test class and closes it after the
 * class. Declare a parameter or a field of type {@code ScaiVaultDevServer} to get it.
 *
 * <pre class="code">
 * &#64;ScaiVaultDevServerTest
 * class ReadTests {
 *     &#64;Test
 *     void read(ScaiVaultDevServer server) { ... }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ScaiVaultDevServerExtension.class)
public @interface ScaiVaultDevServerTest {

	/** @return the root token; empty for a random one */
	String rootToken() default "";

	/** @return whether to serve HTTPS with the server's dev CA */
	boolean https() default false;

	/** @return classpath resources of seed files to apply at start */
	String[] seed() default {};

	/**
	 * @return clients of the client-credentials grant, each {@code ID:SECRET:IDENTITY[:GROUP,...]}
	 * such as {@code reporting:s3cret:sa:reporting-service:group:developers}
	 */
	String[] clients() default {};

	/** @return lifetime of tokens from {@code /oauth/token}, in seconds */
	long tokenLifetimeSeconds() default 3600;

}
