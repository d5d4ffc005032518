package ai.scailabs.scaivault.config.data;

import ai.scailabs.scaivault.client.RequestListener;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Registered with the promoted client: once every singleton exists, hands the application's
 * {@link RequestListener} beans (in order) to the client's {@link BootstrapRequestListener}.
 *
 * @author ScaiLabs
 */
final class RequestListenerBinder implements SmartInitializingSingleton {

	private final BootstrapRequestListener listener;

	private final ListableBeanFactory beanFactory;

	RequestListenerBinder(BootstrapRequestListener listener, ListableBeanFactory beanFactory) {
		this.listener = listener;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.listener.setDelegates(this.beanFactory.getBeanProvider(RequestListener.class).orderedStream().toList());
	}

}
