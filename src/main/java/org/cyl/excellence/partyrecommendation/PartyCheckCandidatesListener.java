package org.cyl.excellence.partyrecommendation;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.Candidate;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.*;

/**
 * {@code Task_CheckCandidates} (考察推优人选) of BranchPartyRecommendationProcess: the branch
 * committee checks each candidate who passed the vote ("考察不唯票") and keeps them for the
 * public notice or drops them — a candidate dropped although the vote passed them needs
 * the reason (at least 5 characters), which is kept.
 */
@Component
class PartyCheckCandidatesListener implements TaskListener {

	static final Set<String> CHOICES = Set.of("keep", "drop");

	private final PartyRecommendationRepository repository;

	PartyCheckCandidatesListener(PartyRecommendationRepository repository) {
		this.repository = repository;
	}

	private List<Candidate> passed(String pid) {
		return this.repository.candidates(pid).stream().filter((c) -> "PASSED".equals(c.status())).toList();
	}

	@Override
	public void notify(DelegateTask task) {
		List<Candidate> passed = passed(task.getProcessInstanceId());
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.setVariableLocal("checkCount", passed.size());
			for (int i = 1; i <= MAX_CANDIDATES; i++) {
				task.setVariableLocal("checkName" + i, (i <= passed.size())
						? passed.get(i - 1).memberName() + "（赞成 " + passed.get(i - 1).yesVotes() + " 票）" : null);
			}
			FormData.clearPerItem(task, true, KEEP, REASON);
			return;
		}
		FormData form = new FormData(task);
		int kept = 0;
		for (int i = 1; i <= passed.size(); i++) {
			Candidate c = passed.get(i - 1);
			boolean keep = "keep".equals(form.choice(KEEP + i, c.memberName() + "的考察结论", CHOICES));
			String reason = form.optionalText(REASON + i, c.memberName() + "的考察意见", 500);
			if (!keep && (reason == null || reason.length() < 5)) {
				throw FormData.invalid(c.memberName() + "的考察意见", "不少于 5 个字：得票通过而不推荐，须写明理由");
			}
			this.repository.setCandidate(c.id(), keep ? "NOTICED" : "DROPPED", c.yesVotes(), reason);
			if (keep) {
				kept++;
			}
		}
		this.repository.setStatus(task.getProcessInstanceId(), (kept > 0) ? "NOTICE" : "NONE");
		task.getExecution().setVariable(KEPT_COUNT, kept);
	}

}
