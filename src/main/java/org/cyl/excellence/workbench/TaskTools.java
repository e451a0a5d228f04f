package org.cyl.excellence.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The tools a task needs, shown beside its form: links computed per task definition key
 * from the task's process variables. Add a task here to give it its tools.
 */
final class TaskTools {

	record Link(String label, String href) {
	}

	private static final Map<String, Function<Map<String, Object>, List<Link>>> TOOLS = Map.ofEntries(
			// 审核承诺: the branch's pledges as its members wrote them
			Map.entry("Task_ReviewPledges", (v) -> branchPage(v, "pledges", "本支部的承诺")),
			// 团委点评 / 党组织点评: the branch's record
			Map.entry("Task_CommitteeReview", (v) -> branchPage(v, "record", "本支部活动记录")),
			Map.entry("Task_PartyReview", (v) -> branchPage(v, "record", "本支部活动记录")),
			// 发起群众评议: the campaign's appraisals, where the ballots appear once issued
			Map.entry("Task_InitiateAppraisal", TaskTools::appraisals),
			// 团员教育评议: the branch's appraisal sheet, where the per-member data is entered
			Map.entry("Task_RecordSelfAssessments", TaskTools::appraisalSheet),
			Map.entry("Task_RecordAppraisalMeeting", TaskTools::appraisalSheet),
			Map.entry("Task_ProposeMemberGrades", TaskTools::appraisalSheet),
			Map.entry("Task_ApproveMemberGrades", TaskTools::appraisalSheet),
			// 点评述职报告 / 验收整改 (双向述职评议): the secretary's report as a PDF
			Map.entry("Task_CommentReport", TaskTools::dutyReport),
			Map.entry("Task_CheckRectification", TaskTools::dutyReport),
			// 推优入党: the committee's round with every branch's candidates, votes and
			// checks (核查异议 shares its key with CommendationProcess: only a task with a
			// launchId gets the link)
			Map.entry("Task_AgreeList", TaskTools::partyRecommendation),
			Map.entry("Task_ApproveRecommendation", TaskTools::partyRecommendation),
			Map.entry("Task_VerifyObjection", TaskTools::partyRecommendation));

	private TaskTools() {
	}

	/** The variables the tools read (of the task's process). */
	static final List<String> VARIABLES = List.of("campaignId", "branchCode", "appraisalId", "dutyReportId",
			"launchId");

	static List<Link> of(String taskDefinitionKey, Map<String, Object> variables) {
		Function<Map<String, Object>, List<Link>> tools = TOOLS.get(taskDefinitionKey);
		return (tools == null) ? List.of() : tools.apply(variables);
	}

	private static List<Link> appraisals(Map<String, Object> v) {
		return (v.get("campaignId") == null) ? List.of()
				: List.of(new Link("本活动的群众评议（选票、结果）",
						UriComponentsBuilder.fromPath("/appraisals")
							.queryParam("campaign", v.get("campaignId"))
							.encode()
							.toUriString()));
	}

	private static List<Link> appraisalSheet(Map<String, Object> v) {
		return (v.get("appraisalId") == null || v.get("branchCode") == null) ? List.of()
				: List.of(new Link("评议登记表（逐人登记）",
						UriComponentsBuilder.fromPath("/member-appraisals/{a}/branches/{b}")
							.buildAndExpand(v.get("appraisalId"), v.get("branchCode"))
							.encode()
							.toUriString()));
	}

	private static List<Link> dutyReport(Map<String, Object> v) {
		return (v.get("dutyReportId") == null) ? List.of()
				: List.of(new Link("述职报告（PDF）",
						UriComponentsBuilder.fromPath("/dutyreports/{id}.pdf")
							.buildAndExpand(v.get("dutyReportId"))
							.encode()
							.toUriString()));
	}

	private static List<Link> partyRecommendation(Map<String, Object> v) {
		return (v.get("launchId") == null) ? List.of()
				: List.of(new Link("本轮推优名单（各支部人选、得票、考察）",
						UriComponentsBuilder.fromPath("/party-recommendations/{id}")
							.buildAndExpand(v.get("launchId"))
							.encode()
							.toUriString()));
	}

	private static List<Link> branchPage(Map<String, Object> v, String page, String label) {
		List<Link> links = new ArrayList<>();
		if (v.get("campaignId") != null && v.get("branchCode") != null) {
			links.add(new Link(label,
					UriComponentsBuilder.fromPath("/campaigns/{c}/branches/{b}/" + page)
						.buildAndExpand(v.get("campaignId"), v.get("branchCode"))
						.encode()
						.toUriString()));
		}
		return links;
	}

}
