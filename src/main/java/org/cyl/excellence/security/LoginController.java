package org.cyl.excellence.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page — with how long to wait when {@link LoginThrottle} held the last attempt
 * ({@code ?wait=N} from {@link ThrottledLoginAnswers}). After login everybody lands on
 * 工作台 ({@code /}, workbench/WorkbenchController), administrators and managers too.
 */
@Controller
class LoginController {

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

}
