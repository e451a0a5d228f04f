package org.cyl.excellence.security;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the pages' shared header ({@code fragments.html}) whether the person is an
 * administrator, who then sees the link to {@link LoginAttemptsController}'s page.
 */
@ControllerAdvice
class AdministratorLinks {

	@ModelAttribute("administrator")
	boolean administrator(Authentication authentication) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals("ROLE_ADMIN"));
	}

}
