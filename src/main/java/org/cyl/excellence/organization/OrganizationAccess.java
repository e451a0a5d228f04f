package org.cyl.excellence.organization;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may see an organisation's people: administrators, managers, the organisation's own
 * members and role holders, and the role holders of the organisations above it or of the
 * Party organisation that co-reviews it.
 */
@Component
class OrganizationAccess {

	private final OrganizationRepository repository;

	OrganizationAccess(OrganizationRepository repository) {
		this.repository = repository;
	}

	/**
	 * Whether the person belongs to the organisation or one below it (as member or role
	 * holder).
	 */
	boolean isWithin(Authentication authentication, String orgCode) {
		Map<String, Organization> all = this.repository.organizationsByCode();
		for (String code : organizationsOf(authentication.getName())) {
			for (Organization o = all.get(code); o != null; o = parent(o, all)) {
				if (o.code().equals(orgCode) || orgCode.equals(o.partyOrgCode())) {
					return true;
				}
			}
		}
		return false;
	}

	boolean maySeeMembers(Authentication authentication, Organization org) {
		String username = authentication.getName();
		if (this.repository.findRoles(username)
			.stream()
			.anyMatch((r) -> r.role() == Role.ADMIN || r.role() == Role.MANAGER)) {
			return true;
		}
		Set<String> mine = organizationsOf(username);
		if (org.partyOrgCode() != null && mine.contains(org.partyOrgCode())) {
			return true;
		}
		Map<String, Organization> all = this.repository.organizationsByCode();
		for (Organization o = org; o != null; o = parent(o, all)) {
			if (mine.contains(o.code())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the person keeps the records of the organisation's members (their dates,
	 * grades and recommendations): administrators, managers, and those holding a role at
	 * the organisation, above it or at the Party organisation that co-reviews it — not
	 * its plain members.
	 */
	boolean mayReadRecords(Authentication authentication, Organization org) {
		Set<String> roles = new HashSet<>();
		for (RoleAssignment r : this.repository.findRoles(authentication.getName())) {
			if (r.role() == Role.ADMIN || r.role() == Role.MANAGER) {
				return true;
			}
			roles.add(r.orgCode());
		}
		if (org.partyOrgCode() != null && roles.contains(org.partyOrgCode())) {
			return true;
		}
		Map<String, Organization> all = this.repository.organizationsByCode();
		for (Organization o = org; o != null; o = parent(o, all)) {
			if (roles.contains(o.code())) {
				return true;
			}
		}
		return false;
	}

	/** The organisations where the person holds a role or is a member. */
	private Set<String> organizationsOf(String username) {
		Set<String> mine = new HashSet<>();
		this.repository.findRoles(username).forEach((r) -> mine.add(r.orgCode()));
		this.repository.findMemberByUsername(username).ifPresent((m) -> mine.add(m.orgCode()));
		return mine;
	}

	private static Organization parent(Organization o, Map<String, Organization> all) {
		return (o.parentCode() != null) ? all.get(o.parentCode()) : null;
	}

}
