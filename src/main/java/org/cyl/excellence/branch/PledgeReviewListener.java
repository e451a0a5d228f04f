package org.cyl.excellence.branch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.Opinions;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.Dates;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.branch.PledgeVariables.MEMBER_PLEDGE_SUMMARY;
import static org.cyl.excellence.branch.PledgeVariables.ORG_PLEDGE_SUMMARY;
import static org.cyl.excellence.branch.PledgeVariables.PLEDGE_DECISION;
import static org.cyl.excellence.branch.PledgeVariables.PLEDGE_OPINION;
import static org.cyl.excellence.branch.PledgeVariables.PLEDGE_REVISION_DUE;

/**
 * {@code Task_ReviewPledges} (审核承诺) of BranchCampaignProcess. On create: who signed and
 * who is overdue. On complete: approve, or return with an opinion (返工); the opinion is
 * kept and shown in 修改组织承诺.
 */
@Component
class PledgeReviewListener implements TaskListener {

	static final String KIND = "PLEDGE_REVIEW";

	private final PledgeRepository pledges;

	private final Opinions opinions;

	private final CurrentUser currentUser;

	PledgeReviewListener(PledgeRepository pledges, Opinions opinions, CurrentUser currentUser) {
		this.pledges = pledges;
		this.opinions = opinions;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		RoundContext round = RoundContext.of(task);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.setVariable(MEMBER_PLEDGE_SUMMARY, summary(round));
			task.setVariable(ORG_PLEDGE_SUMMARY, orgPledge(round));
			FormData.freshInputs(task, PLEDGE_DECISION, PLEDGE_OPINION);
			return;
		}
		FormData form = new FormData(task);
		String decision = form.choice(PLEDGE_DECISION, "审核结果", Set.of("approve", "return"));
		String opinion = "return".equals(decision) ? form.text(PLEDGE_OPINION, "审核意见", 1000)
				: form.optionalText(PLEDGE_OPINION, "审核意见", 1000);
		int attempt = this.opinions.count(round.campaignId(), round.branchCode(), KIND) + 1;
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("round", round.round());
		content.put("decision", decision);
		content.put("opinion", opinion);
		this.opinions.add(round.campaignId(), round.branchCode(), KIND, attempt, decision, FormData.toJson(content),
				null, this.currentUser.idOr(task.getAssignee()));
		task.getExecution().setVariable(PLEDGE_DECISION, decision);
		task.getExecution().setVariable(PLEDGE_OPINION, opinion);
		task.getExecution().setVariable(PLEDGE_REVISION_DUE, Dates.inDays(3));
	}

	/**
	 * The latest organisation pledge, item by item, as the reviewer reads it: plain text
	 * for a disabled text area (what the branch wrote must not render as Markdown).
	 */
	String orgPledge(RoundContext round) {
		StringBuilder sb = new StringBuilder();
		this.pledges.latestDocument(round.campaignId(), round.branchCode(), PledgeRepository.ORG_PLEDGE, round.round())
			.ifPresent((content) -> {
				try {
					for (Map<String, Object> row : new com.fasterxml.jackson.databind.ObjectMapper().readValue(content,
							new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() {
							})) {
						sb.append("【")
							.append(row.get("item"))
							.append("】\n承诺：")
							.append(row.get("commitment"))
							.append("\n措施：")
							.append(row.get("measures"))
							.append("\n\n");
					}
				}
				catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
					throw new IllegalStateException(ex);
				}
			});
		return sb.toString().trim();
	}

	String summary(RoundContext round) {
		List<PledgeRepository.MemberPledgeRow> rows = this.pledges.memberPledges(round.campaignId(), round.branchCode(),
				round.round());
		List<String> signed = rows.stream()
			.filter((r) -> "SIGNED".equals(r.status()))
			.map(PledgeRepository.MemberPledgeRow::name)
			.toList();
		List<String> missing = rows.stream()
			.filter((r) -> !"SIGNED".equals(r.status()))
			.map(PledgeRepository.MemberPledgeRow::name)
			.toList();
		return "已签订个人承诺 " + signed.size() + " 人，共 " + rows.size() + " 人。"
				+ (missing.isEmpty() ? "" : "未按期签订：" + String.join("、", missing) + "。");
	}

}
