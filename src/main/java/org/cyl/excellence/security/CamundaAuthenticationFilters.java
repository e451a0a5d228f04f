package org.cyl.excellence.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands Spring Security's login to Camunda (single sign-on): the webapps (Tasklist,
 * Cockpit, Admin, Welcome) and the REST API both take the user from
 * {@link SpringSecurityAuthenticationProvider}. Both filters run after Spring Security's
 * filter chain (order -100).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class CamundaAuthenticationFilters {

	private static final int AFTER_SPRING_SECURITY = 101;

	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthenticationFilter() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.setName("camunda-webapp-sso");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				SpringSecurityAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
		registration.setOrder(AFTER_SPRING_SECURITY);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("camunda-rest-authentication");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				SpringSecurityAuthenticationProvider.class.getName());
		registration.addInitParameter("rest-url-pattern-prefix", "/engine-rest");
		registration.addUrlPatterns("/engine-rest/*");
		registration.setOrder(AFTER_SPRING_SECURITY);
		return registration;
	}

}
