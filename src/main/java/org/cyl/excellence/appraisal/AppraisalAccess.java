package org.cyl.excellence.appraisal;

import java.util.List;

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
		return organizes(authentication, appraisal, committees(authentication));
	}

	/** The same, with the committees where the person is a committee member known. */
	boolean organizes(Authentication authentication, Appraisal appraisal, List<String> committees) {
		return isAdmin(authentication) || committees.contains(appraisal.committeeCode());
	}

	/** The committees where the person is a committee member. */
	List<String> committees(Authentication authentication) {
		return this.organizations.organizationsWhere(authentication.getName(), Role.COMMITTEE);
	}

	boolean mayReadResults(Authentication authentication, Appraisal appraisal) {
		return organizes(authentication, appraisal) || mayReadPublished(authentication, appraisal);
	}

	/**
	 * The results as published: to the organisation's people, or the committee's subtree.
	 */
	boolean mayReadPublished(Authentication authentication, Appraisal appraisal) {
		Organization org = this.organizations.find(appraisal.orgCode()).orElse(null);
		return (org != null && this.organizations.maySee(authentication, org))
				|| ("COMMITTEE".equals(appraisal.publishScope())
						&& this.organizations.isWithin(authentication, appraisal.committeeCode()));
	}

	static boolean isAdmin(Authentication authentication) {
		return authentication.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals("ROLE_ADMIN"));
	}

}
