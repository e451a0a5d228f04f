package org.cyl.excellence.commendation;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.commendation.CommendationRepository.Candidate;
import org.cyl.excellence.commendation.CommendationRepository.Commendation;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.commendation.CommendationVariables.APPRAISE_CANDIDATES;
import static org.cyl.excellence.commendation.CommendationVariables.ASSESSMENT_BATCH;
import static org.cyl.excellence.commendation.CommendationVariables.ASSESSMENT_BATCHES;

/**
 * {@code Task_AssessCandidates} (考核候选) of CommendationProcess, one task per batch of
 * candidates: the committee accepts or rejects each with a reason (层层考核). Accepted
 * members stay within the plan's quota of outstanding members. The last batch also says
 * whether the masses appraise the candidate list.
 */
@Component
class AssessmentListener implements TaskListener {

	static final Set<String> VERDICTS = Set.of("ACCEPT", "REJECT");

	static final Set<String> YES_NO = Set.of("YES", "NO");

	private final CommendationRepository commendations;

	private final Campaigns campaigns;

	private final CurrentUser currentUser;

	AssessmentListener(CommendationRepository commendations, Campaigns campaigns, CurrentUser currentUser) {
		this.commendations = commendations;
		this.campaigns = campaigns;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String campaignId = (String) task.getVariable(CampaignVariables.CAMPAIGN_ID);
		int batch = ((Number) task.getVariable(ASSESSMENT_BATCH)).intValue();
		boolean last = batch == ((List<?>) task.getVariable(ASSESSMENT_BATCHES)).size();
		List<Candidate> candidates = batch(campaignId, batch);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			for (int i = 1; i <= ListCandidatesDelegate.BATCH; i++) {
				Candidate c = (i <= candidates.size()) ? candidates.get(i - 1) : null;
				task.setVariableLocal("candidate" + i, (c != null) ? describe(c) : null);
				task.setVariableLocal("verdict" + i, null);
				task.setVariableLocal("reason" + i, null);
			}
			task.setVariableLocal("candidateCount", candidates.size());
			task.setVariableLocal("lastBatch", last);
			task.setVariableLocal("batchLabel",
					"第 " + batch + " 批，共 " + ((List<?>) task.getVariable(ASSESSMENT_BATCHES)).size() + " 批");
			String opinion = this.commendations.find(campaignId).map(Commendation::auditOpinion).orElse(null);
			task.setVariableLocal("returnedOpinion", opinion);
			FormData.freshInputs(task, APPRAISE_CANDIDATES);
			return;
		}
		FormData form = new FormData(task);
		String author = this.currentUser.idOr(task.getAssignee());
		String[] verdicts = new String[candidates.size()];
		String[] reasons = new String[candidates.size()];
		for (int i = 0; i < candidates.size(); i++) {
			String who = candidates.get(i).holderName();
			verdicts[i] = form.choice("verdict" + (i + 1), who + "的考核结论", VERDICTS);
			reasons[i] = form.text("reason" + (i + 1), who + "的考核理由", 200);
		}
		Boolean appraise = null;
		if (last) {
			appraise = "YES".equals(form.choice(APPRAISE_CANDIDATES, "是否组织群众评议候选名单", YES_NO));
		}
		int quota = this.campaigns.find(campaignId).orElseThrow().plan().quotaMembers();
		long acceptedMembers = this.commendations.candidates(campaignId, "ACCEPTED")
			.stream()
			.filter((c) -> !c.isOrganization())
			.count();
		for (int i = 0; i < candidates.size(); i++) {
			if ("ACCEPT".equals(verdicts[i]) && !candidates.get(i).isOrganization()) {
				acceptedMembers++;
			}
		}
		if (acceptedMembers > quota) {
			throw FormData.invalid("考核结论", "考核通过的团员共 " + acceptedMembers + " 名，超过优秀共青团员名额（" + quota + " 名）");
		}
		for (int i = 0; i < candidates.size(); i++) {
			this.commendations.setCandidateStatus(candidates.get(i).id(),
					"ACCEPT".equals(verdicts[i]) ? "ACCEPTED" : "REJECTED", reasons[i], author);
		}
		if (appraise != null) {
			task.getExecution().setVariable(APPRAISE_CANDIDATES, appraise);
		}
	}

	/**
	 * The candidates of one batch: a stable slice of all candidates still in the running.
	 */
	private List<Candidate> batch(String campaignId, int batch) {
		List<Candidate> all = this.commendations.candidates(campaignId)
			.stream()
			.filter((c) -> !"WITHDRAWN".equals(c.status()))
			.toList();
		int from = Math.min(all.size(), (batch - 1) * ListCandidatesDelegate.BATCH);
		return all.subList(from, Math.min(all.size(), from + ListCandidatesDelegate.BATCH));
	}

	/** Plain text, shown in a disabled text area: deeds are what people wrote. */
	private static String describe(Candidate c) {
		return c.title() + "：" + c.holderName() + "（" + c.basis() + "）"
				+ ((c.deeds() != null) ? "\n事迹：" + c.deeds() : "");
	}

}
