package org.cyl.excellence.commendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.appraisal.Appraisals;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.commendation.CommendationRepository.Candidate;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.commendation.CommendationVariables.AUDIT_DECISION;
import static org.cyl.excellence.commendation.CommendationVariables.AUDIT_OPINION;
import static org.cyl.excellence.commendation.CommendationVariables.STRUCK_CANDIDATES;

/**
 * {@code Task_AuditCandidates} (审核候选名单) of CommendationProcess: the higher committee
 * approves the accepted candidates, strikes some of them (the opinion gives the reason),
 * or returns the list to the committee to be assessed again.
 */
@Component
class AuditListener implements TaskListener {

	static final Set<String> DECISIONS = Set.of("APPROVE", "STRIKE", "RETURN");

	private final CommendationRepository commendations;

	private final CurrentUser currentUser;

	private final Appraisals appraisals;

	AuditListener(CommendationRepository commendations, CurrentUser currentUser, Appraisals appraisals) {
		this.commendations = commendations;
		this.currentUser = currentUser;
		this.appraisals = appraisals;
	}

	@Override
	public void notify(DelegateTask task) {
		String campaignId = (String) task.getVariable(CampaignVariables.CAMPAIGN_ID);
		List<Candidate> accepted = this.commendations.candidates(campaignId, "ACCEPTED");
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			this.commendations.setStatus(campaignId, "AUDITING");
			Map<String, Integer> satisfaction = appraisal(campaignId);
			// plain text, one candidate a line, shown in a disabled text area: the
			// reasons
			// are what the committee wrote and must not render as Markdown
			StringBuilder list = new StringBuilder();
			List<Map<String, Object>> options = new ArrayList<>();
			int n = 1;
			for (Candidate c : accepted) {
				Integer rate = satisfaction.get(c.label());
				list.append(n++)
					.append(". ")
					.append(c.label())
					.append("（推荐依据：")
					.append(c.basis())
					.append("；考核意见：")
					.append(c.statusReason())
					.append("；群众满意率：")
					.append((rate != null) ? rate + "%" : "未评议")
					.append("）\n");
				options.add(Map.of("label", c.label(), "value", String.valueOf(c.id())));
			}
			task.setVariableLocal("candidateList", accepted.isEmpty() ? "（无）" : list.toString().trim());
			task.setVariableLocal("acceptedOptions", FormData.jsonVariable(options));
			FormData.freshInputs(task, AUDIT_DECISION, STRUCK_CANDIDATES, AUDIT_OPINION);
			return;
		}
		FormData form = new FormData(task);
		String decision = form.choice(AUDIT_DECISION, "审核结论", DECISIONS);
		String opinion = form.optionalText(AUDIT_OPINION, "审核意见", 1000);
		List<String> struck = form.ticked(STRUCK_CANDIDATES, "撤下的候选");
		if (!"APPROVE".equals(decision) && opinion == null) {
			throw FormData.invalid("审核意见", "不能为空：撤下候选或退回时须写明理由");
		}
		List<Candidate> toStrike = new ArrayList<>();
		if ("STRIKE".equals(decision)) {
			if (struck.isEmpty()) {
				throw FormData.invalid("撤下的候选", "至少选择一名");
			}
			for (String id : struck) {
				Candidate c = accepted.stream()
					.filter((a) -> String.valueOf(a.id()).equals(id))
					.findFirst()
					.orElseThrow(() -> FormData.invalid("撤下的候选", "中的“" + id + "”不在候选名单中"));
				toStrike.add(c);
			}
		}
		String author = this.currentUser.idOr(task.getAssignee());
		for (Candidate c : toStrike) {
			this.commendations.setCandidateStatus(c.id(), "STRUCK", opinion, author);
		}
		this.commendations.setAuditOpinion(campaignId, opinion);
		task.getExecution().setVariable(AUDIT_DECISION, decision);
	}

	/**
	 * The satisfaction (满意 + 比较满意) per candidate of the last mass appraisal of the list,
	 * in percent, where there was one.
	 */
	private Map<String, Integer> appraisal(String campaignId) {
		return this.commendations.find(campaignId)
			.map((c) -> this.appraisals.satisfactionPerItem(campaignId, c.committeeCode()))
			.orElse(Map.of());
	}

}
