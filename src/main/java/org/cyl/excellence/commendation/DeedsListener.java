package org.cyl.excellence.commendation;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.commendation.CommendationRepository.Candidate;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.commendation.CommendationVariables.DEEDS_BRANCH;

/**
 * {@code Task_WriteDeeds} (撰写事迹材料) of CommendationProcess, one task per nominating
 * branch: its secretary writes the deeds of each of the branch's accepted candidates (the
 * organisation itself, its members), {@value #MIN_LENGTH}–{@value #MAX_LENGTH} characters
 * each.
 */
@Component
class DeedsListener implements TaskListener {

	/** Room on the form: the branch itself and up to five members (推荐优秀团员). */
	static final int MAX_PER_BRANCH = 6;

	static final int MIN_LENGTH = 50;

	static final int MAX_LENGTH = 1500;

	private final CommendationRepository commendations;

	private final CurrentUser currentUser;

	DeedsListener(CommendationRepository commendations, CurrentUser currentUser) {
		this.commendations = commendations;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String campaignId = (String) task.getVariable(CampaignVariables.CAMPAIGN_ID);
		String branch = (String) task.getVariable(DEEDS_BRANCH);
		List<Candidate> candidates = this.commendations.candidates(campaignId, "ACCEPTED")
			.stream()
			.filter((c) -> c.orgCode().equals(branch) && c.deeds() == null)
			.limit(MAX_PER_BRANCH)
			.toList();
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			for (int i = 1; i <= MAX_PER_BRANCH; i++) {
				task.setVariableLocal("deedsCandidate" + i,
						(i <= candidates.size()) ? candidates.get(i - 1).label() : null);
				task.setVariableLocal("deeds" + i, null);
			}
			task.setVariableLocal("deedsCount", candidates.size());
			task.setVariableLocal("branchCode", branch);
			return;
		}
		FormData form = new FormData(task);
		String[] deeds = new String[candidates.size()];
		for (int i = 0; i < candidates.size(); i++) {
			String label = candidates.get(i).holderName() + "的事迹材料";
			deeds[i] = form.text("deeds" + (i + 1), label, MAX_LENGTH);
			if (deeds[i].length() < MIN_LENGTH) {
				throw FormData.invalid(label, "至少 " + MIN_LENGTH + " 个字（现有 " + deeds[i].length() + " 个字）");
			}
		}
		String author = this.currentUser.idOr(task.getAssignee());
		for (int i = 0; i < candidates.size(); i++) {
			this.commendations.setDeeds(candidates.get(i).id(), deeds[i], author);
		}
	}

}
