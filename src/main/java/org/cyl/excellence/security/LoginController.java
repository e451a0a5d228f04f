package org.cyl.excellence.security;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page, and the landing page after login: administrators go to Camunda Admin,
 * managers to Cockpit, everybody else to Tasklist.
 */
@Controller
class LoginController {

	static final String TASKLIST = "/camunda/app/tasklist/default/";

	static final String COCKPIT = "/camunda/app/cockpit/default/";

	static final String ADMIN = "/camunda/app/admin/default/";

	@GetMapping(SecurityConfig.LOGIN_PAGE)
	String login() {
		return "login";
	}

	@GetMapping("/")
	String landing(Authentication authentication) {
		return "redirect:" + landingPage(authentication);
	}

	static String landingPage(Authentication authentication) {
		if (has(authentication, "ROLE_ADMIN")) {
			return ADMIN;
		}
		if (has(authentication, "ROLE_MANAGER")) {
			return COCKPIT;
		}
		return TASKLIST;
	}

	private static boolean has(Authentication authentication, String authority) {
		return authentication.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals(authority));
	}

}
