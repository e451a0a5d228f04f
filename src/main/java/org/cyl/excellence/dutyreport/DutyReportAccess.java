package org.cyl.excellence.dutyreport;

import java.util.List;

import org.cyl.excellence.dutyreport.DutyReportRepository.Launch;
import org.cyl.excellence.dutyreport.DutyReportRepository.Report;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may open what of the duty reports: a launch's results — the committee members of
 * the launching committee; a report (its text, PDF and result) — its organisation's
 * secretaries, the committee members of the committee above and of the launching
 * committee; the printable ballots — the organisation's secretaries only (they hand them
 * to members without accounts). Administrators may open everything but the ballots.
 */
@Component
class DutyReportAccess {

	private final OrganizationDirectory organizations;

	DutyReportAccess(OrganizationDirectory organizations) {
		this.organizations = organizations;
	}

	/** The committees whose launches the person reads. */
	List<String> committees(Authentication authentication) {
		return this.organizations.organizationsWhere(authentication.getName(), Role.COMMITTEE);
	}

	boolean mayReadLaunch(Authentication authentication, Launch launch) {
		return isAdmin(authentication) || committees(authentication).contains(launch.committeeCode());
	}

	boolean mayReadReport(Authentication authentication, Report report, Launch launch) {
		List<String> committees = committees(authentication);
		return isAdmin(authentication) || isSecretary(authentication, report)
				|| committees.contains(report.committeeCode()) || committees.contains(launch.committeeCode());
	}

	boolean isSecretary(Authentication authentication, Report report) {
		return this.organizations.organizationsWhere(authentication.getName(), Role.SECRETARY)
			.contains(report.orgCode());
	}

	static boolean isAdmin(Authentication authentication) {
		return authentication.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals("ROLE_ADMIN"));
	}

}
