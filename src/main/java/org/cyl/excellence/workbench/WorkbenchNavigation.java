package org.cyl.excellence.workbench;

import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.supervision.Notices;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The navigation every page of the application shares ({@code fragments.html}'s header:
 * 工作台 · 任务 · 活动进展 · 群众评议 · 通知 · 退出) asks this bean, by name, whether someone is logged in
 * and how many of their notices are unread — only when a page is rendered, never for an
 * API call.
 */
@Component("navigation")
public class WorkbenchNavigation {

	private final Notices notices;

	private final OrganizationDirectory organizations;

	WorkbenchNavigation(Notices notices, OrganizationDirectory organizations) {
		this.notices = notices;
		this.organizations = organizations;
	}

	/**
	 * Whether the logged-in person is a committee member (委员) somewhere: the committees'
	 * pages (推优入党) are theirs.
	 */
	public boolean committeeMember() {
		String person = person();
		return person != null && !this.organizations.organizationsWhere(person, Role.COMMITTEE).isEmpty();
	}

	/** Whether a person is logged in (the public pages have nobody). */
	public boolean loggedIn() {
		return person() != null;
	}

	/** How many of the logged-in person's notices are unread; 0 for nobody. */
	public int unread() {
		String person = person();
		return (person != null) ? this.notices.unread(person) : 0;
	}

	private static String person() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken))
				? auth.getName() : null;
	}

}
