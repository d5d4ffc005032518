package ai.scailabs.scaivault.config.data;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.config.ScaiVaultClientFactory;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.bootstrap.BootstrapContext;
import org.springframework.boot.bootstrap.BootstrapContextClosedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hands the client that the import used at bootstrap over to the application context, as the bean
 * {@value ScaiVaultClientFactory#CLIENT_BEAN_NAME}, so that the application uses the same instance
 * (and token) and the context closes it on shutdown. Also registers a {@link RequestListenerBinder}
 * that connects the application's request listeners to the promoted client. Does nothing when the
 * import never needed the client or the context defines that bean already. The import's
 * {@link StartupAttempts} become the bean {@value StartupAttempts#BEAN_NAME} either way.
 *
 * @author ScaiLabs
 */
final class ScaiVaultClientPromoter implements ApplicationListener<BootstrapContextClosedEvent> {

	static final String LISTENER_BINDER_BEAN_NAME = "scaiVaultBootstrapRequestListenerBinder";

	@Override
	public void onApplicationEvent(BootstrapContextClosedEvent event) {
		BootstrapContext bootstrap = event.getBootstrapContext();
		if (!bootstrap.isRegistered(ImportedSecrets.class)) {
			return;
		}
		ImportedSecrets imports = bootstrap.get(ImportedSecrets.class);
		imports.handOver();
		ConfigurableApplicationContext context = event.getApplicationContext();
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (bootstrap.isRegistered(StartupAttempts.class) && !beanFactory.containsBean(StartupAttempts.BEAN_NAME)) {
			beanFactory.registerSingleton(StartupAttempts.BEAN_NAME, bootstrap.get(StartupAttempts.class));
		}
		if (!imports.isClientUsed()) {
			return;
		}
		ScaiVaultClient client = bootstrap.get(ScaiVaultClient.class);
		String name = ScaiVaultClientFactory.CLIENT_BEAN_NAME;
		if (beanFactory.containsBean(name)) {
			return;
		}
		if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
			beanFactory.registerSingleton(name, client);
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition(ScaiVaultClient.class, () -> client);
		definition.setDestroyMethodName(AbstractBeanDefinition.INFER_METHOD);
		registry.registerBeanDefinition(name, definition);
		if (bootstrap.isRegistered(BootstrapRequestListener.class)) {
			BootstrapRequestListener listener = bootstrap.get(BootstrapRequestListener.class);
			RootBeanDefinition binder = new RootBeanDefinition(RequestListenerBinder.class,
					() -> new RequestListenerBinder(listener, beanFactory));
			binder.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(LISTENER_BINDER_BEAN_NAME, binder);
		}
	}

}
