package org.cyl.excellence.partyrecommendation;

import java.time.ZoneId;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.Candidate;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.Objection;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.*;

/**
 * {@code Task_VerifyObjection} (核查异议) of BranchPartyRecommendationProcess, one per
 * objection, as in the commendation: the committee upholds it (the candidate is removed
 * from the list, {@code Task_RemoveCandidate}) or dismisses it; the finding is kept.
 */
@Component
class PartyVerifyObjectionListener implements TaskListener {

	static final Set<String> VERDICTS = Set.of("UPHOLD", "DISMISS");

	private final PartyRecommendationRepository repository;

	private final CurrentUser currentUser;

	PartyVerifyObjectionListener(PartyRecommendationRepository repository, CurrentUser currentUser) {
		this.repository = repository;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		long id = ((Number) task.getVariable(OBJECTION_ID)).longValue();
		Objection objection = this.repository.objection(id).orElseThrow();
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			// the next objection's message overwrites the id where this one left it
			task.setVariableLocal(OBJECTION_ID, id);
			Candidate candidate = this.repository.candidate(objection.recommendationId()).orElseThrow();
			// plain text in a disabled text area: what a stranger wrote must not render
			task.setVariableLocal("objectionSummary",
					"异议对象：" + candidate.memberName() + "（推优大会赞成 " + candidate.yesVotes() + " 票）\n提出人："
							+ objection.filerName() + "（" + objection.filerContact() + "），"
							+ objection.filedAt()
								.atZone(ZoneId.systemDefault())
								.toLocalDateTime()
								.withNano(0)
								.toString()
								.replace('T', ' '));
			task.setVariableLocal("objectionContent", objection.content());
			FormData.freshInputs(task, VERDICT, FINDING);
			return;
		}
		FormData form = new FormData(task);
		String verdict = form.choice(VERDICT, "核查结论", VERDICTS);
		String finding = form.text(FINDING, "核查情况", 1000);
		this.repository.handleObjection(id, "UPHOLD".equals(verdict) ? "UPHELD" : "DISMISSED", finding,
				this.currentUser.idOr(task.getAssignee()));
		task.getExecution().setVariable(OBJECTION_ID, id);
		task.getExecution().setVariable(OBJECTION_UPHELD, "UPHOLD".equals(verdict));
	}

}
