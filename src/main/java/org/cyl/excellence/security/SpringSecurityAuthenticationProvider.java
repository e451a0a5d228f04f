package org.cyl.excellence.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The bridge from Spring Security to Camunda: tells the webapps'
 * {@code ContainerBasedAuthenticationFilter} and the REST API's
 * {@code ProcessEngineAuthenticationFilter} who Spring Security logged in, with the
 * Camunda groups found at login, so every engine call runs as that user under Camunda's
 * authorizations. Camunda instantiates it by class name (see
 * {@link CamundaAuthenticationFilters}).
 */
public class SpringSecurityAuthenticationProvider extends ContainerBasedAuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return AuthenticationResult.unsuccessful();
		}
		AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
		List<String> groups = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith(IdentityAuthenticationProvider.GROUP_PREFIX))
			.map((a) -> a.substring(IdentityAuthenticationProvider.GROUP_PREFIX.length()))
			.toList();
		result.setGroups(groups);
		// no tenants here (one League, one engine): without this, Camunda's filter would
		// look
		// the person's tenants up in the database on every request
		result.setTenants(List.of());
		return result;
	}

	@Override
	public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
		// Spring Security answers unauthenticated requests before they get here
	}

}
