package org.cyl.excellence.security;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page — with how long to wait when {@link LoginThrottle} held the last attempt
 * ({@code ?wait=N} from {@link ThrottledLoginAnswers}) — and the landing page after
 * login: administrators go to Camunda Admin, managers to Cockpit, everybody else to
 * Tasklist.
 */
@Controller
class LoginController {

	static final String TASKLIST = "/camunda/app/tasklist/default/";

	static final String COCKPIT = "/camunda/app/cockpit/default/";

	static final String ADMIN = "/camunda/app/admin/default/";

	@GetMapping(SecurityConfig.LOGIN_PAGE)
	String login(@RequestParam(required = false) String wait, Model model) {
		// only a number of seconds within the throttle's limit is shown, whatever the
		// link says
		if (wait != null && wait.matches("[0-9]{1,2}")) {
			long seconds = Long.parseLong(wait);
			if (seconds >= 1 && seconds <= LoginThrottle.MAX_DELAY.toSeconds()) {
				model.addAttribute("waitSeconds", seconds);
			}
		}
		return "security/login";
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
