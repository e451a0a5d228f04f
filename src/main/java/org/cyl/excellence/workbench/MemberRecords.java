package org.cyl.excellence.workbench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cyl.excellence.dutyreport.DutyReports;
import org.cyl.excellence.memberappraisal.MemberGrades;
import org.cyl.excellence.organization.MemberProfile;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.partyrecommendation.PartyRecommendations;
import org.cyl.excellence.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * A member's record (团员档案), put together from the modules that keep it: the dates of the
 * organisation import, the approved grades of each year's 团员教育评议 (with whether they allow
 * the year's 团籍注册), the 推优入党 recommendations with their validity, and — for a secretary —
 * the 双向述职评议 results of the organisations they lead. For the member and for those who
 * keep the records of the member's branch ({@link OrganizationDirectory#mayReadRecords}).
 */
@Service
class MemberRecords {

	static final String NO_SUCH_MEMBER = "没有这名团员";

	private final OrganizationDirectory organizations;

	private final MemberGrades grades;

	private final PartyRecommendations recommendations;

	private final DutyReports dutyReports;

	MemberRecords(OrganizationDirectory organizations, MemberGrades grades, PartyRecommendations recommendations,
			DutyReports dutyReports) {
		this.organizations = organizations;
		this.grades = grades;
		this.recommendations = recommendations;
		this.dutyReports = dutyReports;
	}

	/** A recommendation as the record shows it. */
	record Recommendation(String stage, LocalDate recommendedOn, LocalDate validUntil, boolean valid) {
	}

	/** A duty report of an organisation the member leads. */
	record DutyReport(int year, String organization, String rating) {
	}

	record Record(MemberProfile member, String branch, boolean own, List<MemberGrades.YearGrade> grades,
			List<Recommendation> recommendations, List<DutyReport> dutyReports) {
	}

	/** The logged-in person's own League number; 404 for someone who is no member. */
	String ownLeagueNo(Authentication reader) {
		return this.organizations.memberByUsername(reader.getName())
			.orElseThrow(() -> new NotFoundException("你不在团员名册中，没有团员档案"))
			.leagueNo();
	}

	/**
	 * The member's record; 404 for an unknown League number and, so as not to tell who is
	 * a member, for one the reader may not read.
	 */
	Record of(String leagueNo, Authentication reader) {
		if (leagueNo == null || !leagueNo.matches("[A-Za-z0-9-]{1,32}")) {
			throw new NotFoundException(NO_SUCH_MEMBER);
		}
		MemberProfile member = this.organizations.memberProfile(leagueNo)
			.orElseThrow(() -> new NotFoundException(NO_SUCH_MEMBER));
		Organization branch = this.organizations.find(member.orgCode()).orElseThrow();
		boolean own = reader.getName().equals(member.username());
		if (!own && !this.organizations.mayReadRecords(reader, branch)) {
			throw new AccessDeniedException("团员档案只给本人和本支部及上级团组织的负责人看");
		}
		LocalDate today = LocalDate.now();
		List<Recommendation> recommended = this.recommendations.of(leagueNo)
			.stream()
			.map((r) -> new Recommendation(r.stage().label(), r.recommendedOn(), r.validUntil(), r.isValidOn(today)))
			.toList();
		List<DutyReport> reports = new ArrayList<>();
		if (member.username() != null) {
			for (String org : this.organizations.organizationsWhere(member.username(), Role.SECRETARY)) {
				for (DutyReports.Row row : this.dutyReports.ofOrganization(org)) {
					reports.add(new DutyReport(row.year(), row.orgName(), row.rating()));
				}
			}
		}
		return new Record(member, branch.name(), own, this.grades.recordOf(leagueNo), recommended, reports);
	}

}
