package org.cyl.excellence.shared;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is working the engine right now: the user a REST or webapp request runs as. */
@Component
public class CurrentUser {

	/**
	 * Recorded as the author when the engine itself acts (timers, tests without a user).
	 */
	public static final String SYSTEM = "system";

	private final IdentityService identityService;

	CurrentUser(IdentityService identityService) {
		this.identityService = identityService;
	}

	public String id() {
		Authentication authentication = this.identityService.getCurrentAuthentication();
		return (authentication != null && authentication.getUserId() != null) ? authentication.getUserId() : SYSTEM;
	}

	/**
	 * The current user, or else the fallback (e.g. a task's assignee) when nobody is
	 * authenticated.
	 */
	public String idOr(String fallback) {
		String id = id();
		return (SYSTEM.equals(id) && fallback != null) ? fallback : id;
	}

}
