package org.cyl.excellence.workbench;

import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.supervision.Notices;

import org.cyl.excellence.security.EnginePerson;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 工作台 ({@code /}), where everybody lands after login — members, secretaries, committees,
 * Party reviewers, managers and administrators alike: 待办 (the person's tasks,
 * {@link WorkbenchTasks}), 通知 (unread first), 发起工作 (what the person may launch,
 * {@link ProcessStarts}), 我的组织 and the public pages ({@link Workbench}); Admin and
 * Cockpit a tap away for those who may open them.
 */
@Controller
class WorkbenchController {

	/** How many notices 工作台 lists; the rest are on {@code /notices}. */
	static final int NOTICES = 5;

	private final WorkbenchTasks tasks;

	private final Workbench workbench;

	private final Notices notices;

	private final OrganizationDirectory organizations;

	private final ProcessStarts starts;

	WorkbenchController(WorkbenchTasks tasks, Workbench workbench, Notices notices, OrganizationDirectory organizations,
			ProcessStarts starts) {
		this.tasks = tasks;
		this.workbench = workbench;
		this.notices = notices;
		this.organizations = organizations;
		this.starts = starts;
	}

	@GetMapping("/")
	String workbench(Authentication auth, Model model) {
		String user = auth.getName();
		model.addAttribute("person", this.organizations.displayName(user));
		model.addAttribute("todos", this.tasks.of(user));
		model.addAttribute("notices", this.notices.latest(user, NOTICES));
		model.addAttribute("unread", this.notices.unread(user));
		model.addAttribute("mine", this.workbench.of(auth));
		model.addAttribute("startable", this.starts.of(EnginePerson.of(auth)));
		model.addAttribute("member", this.organizations.memberByUsername(user).isPresent());
		model.addAttribute("admin", has(auth, "ROLE_ADMIN"));
		model.addAttribute("cockpit", has(auth, "ROLE_ADMIN") || has(auth, "ROLE_MANAGER"));
		return "workbench/workbench";
	}

	private static boolean has(Authentication auth, String authority) {
		return auth.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals(authority));
	}

}
