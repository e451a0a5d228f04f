package org.cyl.excellence.security;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * A logged-in person at the engine, for the application's own pages that act for them
 * (the task page): the engine's authentication set exactly as the REST API's and the
 * webapps' filters set it ({@link SpringSecurityAuthenticationProvider}), so Camunda's
 * authorizations and {@link EngineBoundary} judge the call as they judge Tasklist's.
 *
 * @param userId the Camunda user
 * @param groups the Camunda groups found at login
 */
public record EnginePerson(String userId, List<String> groups) {

	/** The person Spring Security logged in; null for nobody. */
	public static EnginePerson of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		List<String> groups = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith(IdentityAuthenticationProvider.GROUP_PREFIX))
			.map((a) -> a.substring(IdentityAuthenticationProvider.GROUP_PREFIX.length()))
			.toList();
		return new EnginePerson(authentication.getName(), groups);
	}

	/**
	 * Runs the engine calls as this person (their authentication set for the duration,
	 * then cleared, as the REST filter does).
	 */
	public <T> T run(IdentityService identityService, Supplier<T> calls) {
		identityService.setAuthentication(this.userId, this.groups);
		try {
			return calls.get();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
