package org.cyl.excellence.appraisal;

import org.cyl.excellence.appraisal.AppraisalRepository.Appraisal;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may do what with an appraisal, in one place for its pages and for the links other
 * pages show: the organising committee's members (and administrators) print the ballots
 * and close it; its results are for the organisation's people and those above it, or the
 * whole committee's subtree when they are published there, and for the organisers.
 */
@Component
class AppraisalAccess {

	private final OrganizationDirectory organizations;

	AppraisalAccess(OrganizationDirectory organizations) {
		this.organizations = organizations;
	}

	/** A committee member of the organising committee, or an administrator. */
	boolean organizes(Authentication authentication, Appraisal appraisal) {
		return isAdmin(authentication)
				|| this.organizations.organizationsWhere(authentication.getName(), Role.COMMITTEE)
					.contains(appraisal.committeeCode());
	}

	boolean mayReadResults(Authentication authentication, Appraisal appraisal) {
		if (organizes(authentication, appraisal)) {
			return true;
		}
		Organization org = this.organizations.find(appraisal.orgCode()).orElse(null);
		return (org != null && this.organizations.maySee(authentication, org))
				|| ("COMMITTEE".equals(appraisal.publishScope())
						&& this.organizations.isWithin(authentication, appraisal.committeeCode()));
	}

	static boolean isAdmin(Authentication authentication) {
		return authentication.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals("ROLE_ADMIN"));
	}

}
