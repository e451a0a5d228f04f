package org.cyl.excellence.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cyl.excellence.organization.IdentityProperties;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application has started (the built-in administrator exists by then), warns
 * loudly, over several lines, while a password anybody can read in the README is in
 * force: the administrator's stored password is still {@code admin}, or new accounts
 * still get {@code demo} ({@code app.identity.initial-password}).
 */
@Component
class DefaultPasswordWarning {

	static final String DEFAULT_ADMIN_PASSWORD = "admin";

	static final String DEFAULT_INITIAL_PASSWORD = "demo";

	private static final Logger log = LoggerFactory.getLogger(DefaultPasswordWarning.class);

	private static final String RULE = "!".repeat(78);

	private final IdentityService identityService;

	private final String adminUser;

	private final String initialPassword;

	DefaultPasswordWarning(IdentityService identityService, IdentityProperties identity) {
		this.identityService = identityService;
		this.adminUser = identity.adminUser();
		this.initialPassword = identity.initialPassword();
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnAtStart() {
		warn();
	}

	/** Logs the warning if a default password is in force; what it found. */
	List<String> warn() {
		List<String> defaults = defaults();
		if (!defaults.isEmpty()) {
			StringBuilder text = new StringBuilder("\n").append(RULE).append('\n');
			text.append("!!  SECURITY WARNING: DEFAULT PASSWORDS ARE IN FORCE (安全警告：仍在使用默认密码)\n");
			defaults.forEach((line) -> text.append("!!  ").append(line).append('\n'));
			text.append("!!  Anyone who has read the README can log in. Do not run it like this in production.\n");
			text.append(RULE);
			log.warn(text.toString());
		}
		return defaults;
	}

	/** What is still a default, one line each. */
	List<String> defaults() {
		List<String> defaults = new ArrayList<>();
		// the password stored now, whatever app.identity.admin-password said when it was
		// created; with Camunda's own lockout off, a wrong guess here costs nothing
		if (this.identityService.checkPassword(this.adminUser, DEFAULT_ADMIN_PASSWORD)) {
			defaults.add("The administrator '" + this.adminUser + "' still has the password '" + DEFAULT_ADMIN_PASSWORD
					+ "': change it in Camunda Admin (my profile).");
		}
		if (DEFAULT_INITIAL_PASSWORD.equals(this.initialPassword)) {
			defaults.add("New accounts get the initial password '" + DEFAULT_INITIAL_PASSWORD
					+ "': set app.identity.initial-password (APP_IDENTITY_INITIAL_PASSWORD).");
		}
		return defaults;
	}

}
