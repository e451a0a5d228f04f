package org.cyl.excellence.branch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cyl.excellence.appraisal.AppraisalDirectory;
import org.cyl.excellence.campaign.Campaign;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.shared.NotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A branch's record in a campaign: its stage, what it wrote (plan, pledges, report,
 * rectifications) and every opinion on it with who and when — for the branch's people and
 * its reviewers.
 */
@Controller
class BranchRecordController {

	private final BranchAccess access;

	private final BranchRecords records;

	private final OrganizationDirectory organizations;

	private final AppraisalDirectory appraisals;

	BranchRecordController(BranchAccess access, BranchRecords records, OrganizationDirectory organizations,
			AppraisalDirectory appraisals) {
		this.appraisals = appraisals;
		this.access = access;
		this.records = records;
		this.organizations = organizations;
	}

	record Entry(String kind, String label, int round, String verdict, Object content, String text, String deadline,
			String author, String authorName, String at) {
	}

	private static final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

	private static final Map<String, String> FIELD_LABELS = Map.ofEntries(Map.entry("plan", "支部方案"),
			Map.entry("meetingDate", "动员大会日期"), Map.entry("attendance", "参会人数"), Map.entry("members", "团员人数"),
			Map.entry("item", "标准"), Map.entry("commitment", "承诺"), Map.entry("measures", "措施"),
			Map.entry("results", "工作成效"), Map.entry("problems", "存在问题"), Map.entry("nextSteps", "下步打算"),
			Map.entry("result", "整改情况"), Map.entry("ratings", "评定"), Map.entry("affirmed", "肯定成绩"),
			Map.entry("direction", "努力方向"), Map.entry("opinion", "意见"), Map.entry("decision", "结论"),
			Map.entry("round", "轮次"));

	private static Object parse(String content) {
		try {
			return json.readValue(content, Object.class);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			return content;
		}
	}

	/** The content as people read it: 承诺：…；措施：… one line per row. */
	private static String text(Object content) {
		if (content instanceof List<?> rows) {
			return String.join("\n", rows.stream().map(BranchRecordController::text).toList());
		}
		if (content instanceof Map<?, ?> map) {
			List<String> parts = new ArrayList<>();
			map.forEach((k, v) -> {
				if (v != null && !v.toString().isBlank()) {
					String value = (v instanceof Map<?, ?> m)
							? String.join("，",
									m.entrySet().stream().map((e) -> e.getKey() + "：" + label(e.getValue())).toList())
							: label(v);
					parts.add(FIELD_LABELS.getOrDefault(k.toString(), k.toString()) + "：" + value);
				}
			});
			return String.join("；", parts);
		}
		return String.valueOf(content);
	}

	/**
	 * What a person chose, as the form showed it: a decision or a rating by its label,
	 * never its code (approve, GOOD); what people wrote as it is.
	 */
	private static String label(Object value) {
		String text = String.valueOf(value);
		return ReviewSummary.RATING_LABELS.getOrDefault(text, ReviewSupport.verdictLabel(text));
	}

	record BranchRecord(String campaignTitle, String branchCode, String branchName, String stage, List<Entry> documents,
			List<Entry> opinions) {
	}

	private static final java.time.format.DateTimeFormatter MINUTES = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm");

	static final Map<String, String> LABELS = Map.of("BRANCH_PLAN", "支部方案与动员", "ORG_PLEDGE", "组织承诺", "REPORT", "工作汇报",
			"RECTIFICATION", "整改情况", "PLEDGE_REVIEW", "承诺审核", "COMMITTEE_REVIEW", "团委点评", "PARTY_REVIEW", "党组织点评",
			"SUPERVISION", "上级团委督办", "APPRAISAL_RECTIFICATION", "群众评议后整改");

	@GetMapping("/api/campaigns/{campaignId}/branches/{branchCode}/record")
	@ResponseBody
	BranchRecord api(@PathVariable String campaignId, @PathVariable String branchCode, Authentication authentication) {
		return record(campaignId, branchCode, authentication);
	}

	@GetMapping("/campaigns/{campaignId}/branches/{branchCode}/record")
	String page(@PathVariable String campaignId, @PathVariable String branchCode, Authentication authentication,
			Model model) {
		model.addAttribute("record", record(campaignId, branchCode, authentication));
		// the branch's appraisals: results for those who may read them, ballots for the
		// organising committee
		model.addAttribute("appraisals", this.appraisals.ofOrganization(campaignId, branchCode, authentication));
		return "branch/branch-record";
	}

	private BranchRecord record(String campaignId, String branchCode, Authentication authentication) {
		BranchAccess.CampaignBranch opened = this.access.open(campaignId, branchCode, authentication, "的活动记录");
		Campaign campaign = opened.campaign();
		Organization branch = opened.branch();
		String stage = this.records.stage(campaignId, branchCode);
		if (stage == null) {
			throw new NotFoundException(branch.name() + "未参加活动 " + campaign.plan().title());
		}
		List<Entry> documents = new ArrayList<>();
		for (BranchRecords.DocumentRow row : this.records.documents(campaignId, branchCode)) {
			Object content = parse(row.content());
			documents.add(new Entry(row.kind(), LABELS.getOrDefault(row.kind(), row.kind()), row.round(), null, content,
					text(content), null, row.author(), this.organizations.displayName(row.author()),
					row.createdAt().toLocalDateTime().format(MINUTES)));
		}
		List<Entry> opinions = new ArrayList<>();
		for (BranchRecords.OpinionRow row : this.records.opinions(campaignId, branchCode)) {
			opinions.add(new Entry(row.kind(), LABELS.getOrDefault(row.kind(), row.kind()), row.attempt(),
					(row.verdict() != null) ? ReviewSupport.verdictLabel(row.verdict()) : null, parse(row.content()),
					text(parse(row.content())), (row.deadline() != null) ? row.deadline().toString() : null,
					row.author(), this.organizations.displayName(row.author()),
					row.createdAt().toLocalDateTime().format(MINUTES)));
		}
		return new BranchRecord(campaign.plan().title(), branchCode, branch.name(), BranchStages.label(stage),
				documents, opinions);
	}

}
