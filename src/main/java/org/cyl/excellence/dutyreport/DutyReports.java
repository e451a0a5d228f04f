package org.cyl.excellence.dutyreport;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cyl.excellence.dutyreport.DutyReportRepository.Report;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.springframework.stereotype.Service;

/**
 * What the other modules and pages ask of the duty reports: the reports of a launch (the
 * committee's results, the exports) and a secretary's record. The members' appraisal
 * appears only as counts: nothing here (nor in the tables) links a ballot to a person.
 */
@Service
public class DutyReports {

	/** The ratings as people read them. */
	public static final Map<String, String> RATINGS = Map.of("GOOD", "好", "FAIR", "中", "POOR", "差", "INVALID",
			"无效（参评不足三分之二）");

	private static final Map<String, String> STATUSES = Map.of("WRITING", "撰写报告", "APPRAISING", "点评和评议中", "RECTIFYING",
			"限期整改", "DONE", "已完成");

	private final DutyReportRepository reports;

	private final OrganizationDirectory organizations;

	DutyReports(DutyReportRepository reports, OrganizationDirectory organizations) {
		this.reports = reports;
		this.organizations = organizations;
	}

	/**
	 * One secretary's report as the results, the exports and the record show it; the
	 * counts and rating are null until the appraisal closes.
	 *
	 * @param secretary the display name of who wrote the report (null before)
	 * @param rating 好 / 中 / 差 / 无效, or null
	 */
	public record Row(String reportId, String launchId, int year, String orgCode, String orgName, String committeeCode,
			String status, String secretary, String reportText, String comment, int round, Integer issued, Integer cast,
			Integer good, Integer fair, Integer poor, String rating, LocalDate rectifyDue) {
	}

	/** The reports of one launch, by organisation code. */
	public List<Row> ofLaunch(String launchId) {
		Map<String, Organization> orgs = this.organizations.byCode();
		return this.reports.ofLaunch(launchId).stream().map((r) -> row(r, orgs)).toList();
	}

	/**
	 * Every report of an organisation's secretaries, the newest year first: the record.
	 */
	public List<Row> ofOrganization(String orgCode) {
		Map<String, Organization> orgs = this.organizations.byCode();
		return this.reports.ofOrganization(orgCode).stream().map((r) -> row(r, orgs)).toList();
	}

	/** Whether the committee has launched a duty report yet. */
	public boolean hasLaunches(String committeeCode) {
		return !this.reports.launches(List.of(committeeCode)).isEmpty();
	}

	private Row row(Report r, Map<String, Organization> orgs) {
		Organization org = orgs.get(r.orgCode());
		return new Row(r.id(), r.launchId(), r.year(), r.orgCode(), (org != null) ? org.name() : r.orgCode(),
				r.committeeCode(), STATUSES.getOrDefault(r.status(), r.status()),
				(r.secretary() != null) ? this.organizations.displayName(r.secretary()) : null, r.text(), r.comment(),
				r.round(), r.issued(), r.cast(), r.good(), r.fair(), r.poor(),
				(r.rating() != null) ? RATINGS.get(r.rating()) : null, r.rectifyDue());
	}

	/** The counts as a sentence: 参评 8/10，好 5、中 2、差 1. */
	static String counts(Report r) {
		if (r.cast() == null) {
			return "评议未结束";
		}
		return "参评 " + r.cast() + "/" + r.issued() + "，好 " + r.good() + "、中 " + r.fair() + "、差 " + r.poor();
	}

}
