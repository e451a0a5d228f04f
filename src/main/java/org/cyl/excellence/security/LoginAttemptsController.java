package org.cyl.excellence.security;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 登录失败记录: the accounts with recent wrong passwords, how many, when last, from which
 * addresses and whether an address still waits — what {@link LoginThrottle} holds on this
 * node. For administrators ({@link SecurityConfig}: {@code /admin/**}); linked from every
 * page's header for them ({@link AdministratorLinks}).
 */
@Controller
class LoginAttemptsController {

	static final String PAGE = "/admin/logins";

	private final LoginThrottle throttle;

	LoginAttemptsController(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@GetMapping(PAGE)
	String page(Model model) {
		ZoneId zone = ZoneId.systemDefault();
		List<Row> rows = this.throttle.recent()
			.stream()
			.map((f) -> new Row(f.account(), f.count(), LocalDateTime.ofInstant(f.last(), zone), f.addresses()
				.stream()
				.map((a) -> new From(a.address(), a.count(), LocalDateTime.ofInstant(a.last(), zone), a.waitSeconds()))
				.toList()))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("forgetMinutes", LoginThrottle.FORGET_AFTER.toMinutes());
		return "security/admin-logins";
	}

	record Row(String account, int count, LocalDateTime last, List<From> addresses) {
	}

	record From(String address, int count, LocalDateTime last, long waitSeconds) {
	}

}
