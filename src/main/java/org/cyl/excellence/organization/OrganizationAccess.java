package org.cyl.excellence.organization;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
		String username = authentication.getName();
		Set<String> mine = new HashSet<>();
		this.repository.findRoles(username).forEach((r) -> mine.add(r.orgCode()));
		this.repository.findMemberByUsername(username).ifPresent((m) -> mine.add(m.orgCode()));
		Map<String, Organization> all = this.repository.findAllOrganizations()
			.stream()
			.collect(Collectors.toMap(Organization::code, Function.identity()));
		for (String code : mine) {
			for (Organization o = all.get(code); o != null; o = (o.parentCode() != null) ? all.get(o.parentCode())
					: null) {
				if (o.code().equals(orgCode) || orgCode.equals(o.partyOrgCode())) {
					return true;
				}
			}
		}
		return false;
	}

	boolean maySeeMembers(Authentication authentication, Organization org) {
		String username = authentication.getName();
		List<RoleAssignment> roles = this.repository.findRoles(username);
		if (roles.stream().anyMatch((r) -> r.role() == Role.ADMIN || r.role() == Role.MANAGER)) {
			return true;
		}
		Set<String> mine = new HashSet<>();
		roles.forEach((r) -> mine.add(r.orgCode()));
		this.repository.findMemberByUsername(username).ifPresent((m) -> mine.add(m.orgCode()));

		Map<String, Organization> all = this.repository.findAllOrganizations()
			.stream()
			.collect(Collectors.toMap(Organization::code, Function.identity()));
		if (org.partyOrgCode() != null && mine.contains(org.partyOrgCode())) {
			return true;
		}
		for (Organization o = org; o != null; o = (o.parentCode() != null) ? all.get(o.parentCode()) : null) {
			if (mine.contains(o.code())) {
				return true;
			}
		}
		return false;
	}

}
