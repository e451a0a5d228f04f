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

	private static final Map<String, Function<Map<String, Object>, List<Link>>> TOOLS = Map.of(
			// 审核承诺: the branch's pledges as its members wrote them
			"Task_ReviewPledges", (v) -> branchPage(v, "pledges", "本支部的承诺"),
			// 团委点评 / 党组织点评: the branch's record
			"Task_CommitteeReview", (v) -> branchPage(v, "record", "本支部活动记录"), "Task_PartyReview",
			(v) -> branchPage(v, "record", "本支部活动记录"),
			// 发起群众评议: the campaign's appraisals, where the ballots appear once issued
			"Task_InitiateAppraisal", TaskTools::appraisals,
			// 推优入党: the committee's round with every branch's candidates, votes and
			// checks (核查异议 shares its key with CommendationProcess: only a task with a
			// launchId gets the link)
			"Task_AgreeList", TaskTools::partyRecommendation, "Task_ApproveRecommendation",
			TaskTools::partyRecommendation, "Task_VerifyObjection", TaskTools::partyRecommendation);

	private TaskTools() {
	}

	/** The variables the tools read (of the task's process). */
	static final List<String> VARIABLES = List.of("campaignId", "branchCode", "launchId");

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
