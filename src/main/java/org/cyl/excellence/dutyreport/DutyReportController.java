package org.cyl.excellence.dutyreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cyl.excellence.appraisal.Polls;
import org.cyl.excellence.documents.Spreadsheets;
import org.cyl.excellence.dutyreport.DutyReportRepository.Launch;
import org.cyl.excellence.dutyreport.DutyReportRepository.Report;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.shared.NotFoundException;
import org.cyl.excellence.shared.PublicUrl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The duty report's pages: the launches a committee member reads ({@code /dutyreports}),
 * a launch's results ({@code /dutyreports/launches/{id}}, the 工作台 tool of its committee)
 * with its XLSX export, one report's PDF to sign, and the ballots the secretary prints
 * for the members without accounts ({@code /dutyreports/{id}/ballots}: only those not
 * sent as notices, only while the appraisal runs).
 */
@Controller
class DutyReportController {

	static final String[] COLUMNS = { "年度", "组织代码", "述职组织", "书记", "状态", "评议轮次", "发放", "收回", "好", "中", "差", "评议结果",
			"整改期限", "上级点评" };

	private final DutyReportRepository repository;

	private final DutyReports reports;

	private final DutyReportAccess access;

	private final OrganizationDirectory organizations;

	private final Polls polls;

	private final PublicUrl publicUrl;

	DutyReportController(DutyReportRepository repository, DutyReports reports, DutyReportAccess access,
			OrganizationDirectory organizations, Polls polls, PublicUrl publicUrl) {
		this.repository = repository;
		this.reports = reports;
		this.access = access;
		this.organizations = organizations;
		this.polls = polls;
		this.publicUrl = publicUrl;
	}

	/** A launch as the list shows it. */
	record LaunchLink(String id, String committee, int year, String reportDue, String appraisalCloses, String url) {
	}

	@GetMapping("/dutyreports")
	String launches(Authentication authentication, Model model) {
		Map<String, Organization> orgs = this.organizations.byCode();
		List<LaunchLink> links = new ArrayList<>();
		for (Launch l : this.repository.launches(this.access.committees(authentication))) {
			Organization committee = orgs.get(l.committeeCode());
			links.add(new LaunchLink(l.id(), (committee != null) ? committee.name() : l.committeeCode(), l.year(),
					l.reportDue().toString(), l.appraisalCloses().toString(), "/dutyreports/launches/" + l.id()));
		}
		model.addAttribute("launches", links);
		return "dutyreport/duty-reports";
	}

	@GetMapping("/dutyreports/launches/{id}")
	String launch(@PathVariable String id, Authentication authentication, Model model) {
		Launch launch = readableLaunch(id, authentication);
		model.addAttribute("launch", launch);
		model.addAttribute("committee",
				this.organizations.find(launch.committeeCode()).map(Organization::name).orElse(launch.committeeCode()));
		model.addAttribute("rows", this.reports.ofLaunch(id));
		return "dutyreport/duty-report-launch";
	}

	@GetMapping("/api/dutyreports/launches/{id}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String id, Authentication authentication) {
		Launch launch = readableLaunch(id, authentication);
		List<Object[]> rows = new ArrayList<>();
		for (DutyReports.Row r : this.reports.ofLaunch(id)) {
			rows.add(new Object[] { r.year(), r.orgCode(), r.orgName(), r.secretary(), r.status(), r.round(),
					r.issued(), r.cast(), r.good(), r.fair(), r.poor(), r.rating(), r.rectifyDue(), r.comment() });
		}
		return Spreadsheets.xlsx("duty-reports-" + launch.year(), launch.year() + "年书记述职评议", COLUMNS, rows);
	}

	@GetMapping("/dutyreports/{id}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String id, Authentication authentication) {
		Report report = report(id);
		Launch launch = this.repository.findLaunch(report.launchId()).orElseThrow();
		if (!this.access.mayReadReport(authentication, report, launch)) {
			throw new AccessDeniedException("述职报告只给述职组织的书记、上级团组织和发起的团委委员看");
		}
		DutyReports.Row row = this.reports.ofLaunch(launch.id())
			.stream()
			.filter((r) -> r.reportId().equals(id))
			.findFirst()
			.orElseThrow();
		return Spreadsheets.download(DutyReportPdf.render(row), "duty-report-" + report.orgCode() + ".pdf",
				MediaType.APPLICATION_PDF);
	}

	/** A printable ballot: its number and full address. */
	record PrintedBallot(int number, String url) {
	}

	@GetMapping("/dutyreports/{id}/ballots")
	String ballots(@PathVariable String id, Authentication authentication, Model model) {
		Report report = report(id);
		if (!this.access.isSecretary(authentication, report)) {
			throw new AccessDeniedException("只有述职组织的书记可以打印评议票");
		}
		List<PrintedBallot> ballots = new ArrayList<>();
		boolean open = "APPRAISING".equals(report.status()) && report.pollId() != null && report.cast() == null;
		if (open) {
			for (int i = report.notified(); i < report.issued(); i++) {
				ballots.add(new PrintedBallot(i + 1, this.publicUrl.of(this.polls.link(report.pollId(), i))));
			}
		}
		model.addAttribute("organization",
				this.organizations.find(report.orgCode()).map(Organization::name).orElse(report.orgCode()));
		model.addAttribute("open", open);
		model.addAttribute("round", report.round());
		model.addAttribute("ballots", ballots);
		return "dutyreport/duty-report-ballots";
	}

	private Launch readableLaunch(String id, Authentication authentication) {
		Launch launch = this.repository.findLaunch(id).orElseThrow(() -> new NotFoundException("述职评议 " + id + " 不存在"));
		if (!this.access.mayReadLaunch(authentication, launch)) {
			throw new AccessDeniedException("述职评议结果只给发起的团委委员看");
		}
		return launch;
	}

	private Report report(String id) {
		return this.repository.find(id).orElseThrow(() -> new NotFoundException("述职报告 " + id + " 不存在"));
	}

}
