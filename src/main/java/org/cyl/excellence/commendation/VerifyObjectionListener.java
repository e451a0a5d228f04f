package org.cyl.excellence.commendation;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.commendation.CommendationRepository.Candidate;
import org.cyl.excellence.commendation.CommendationRepository.Objection;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.commendation.CommendationVariables.OBJECTION_FINDING;
import static org.cyl.excellence.commendation.CommendationVariables.OBJECTION_ID;
import static org.cyl.excellence.commendation.CommendationVariables.OBJECTION_VERDICT;

/**
 * {@code Task_VerifyObjection} (核查异议) of CommendationProcess, one per objection: the
 * committee upholds it (the candidate is withdrawn, the finding is shown on the notice)
 * or dismisses it (the finding is kept).
 */
@Component
class VerifyObjectionListener implements TaskListener {

	static final Set<String> VERDICTS = Set.of("UPHOLD", "DISMISS");

	private final CommendationRepository commendations;

	private final CurrentUser currentUser;

	VerifyObjectionListener(CommendationRepository commendations, CurrentUser currentUser) {
		this.commendations = commendations;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		long id = ((Number) task.getVariable(OBJECTION_ID)).longValue();
		Objection objection = this.commendations.objection(id).orElseThrow();
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			// the message left the objection's id where the next objection overwrites it:
			// the
			// task keeps its own
			task.setVariableLocal(OBJECTION_ID, id);
			Candidate candidate = this.commendations.candidate(objection.candidateId()).orElseThrow();
			// plain text, shown in a disabled text area of the form: what a stranger
			// wrote
			// must not render as Markdown or HTML to the committee verifying it
			task.setVariableLocal("objectionSummary",
					"异议对象：" + candidate.label() + "\n提出人：" + objection.filerName() + "（" + objection.filerContact()
							+ "），"
							+ objection.filedAt()
								.atZone(java.time.ZoneId.systemDefault())
								.toLocalDateTime()
								.withNano(0)
								.toString()
								.replace('T', ' ')
							+ "\n推荐依据：" + candidate.basis());
			task.setVariableLocal("objectionContent", objection.content());
			task.setVariableLocal("candidateDeeds", (candidate.deeds() != null) ? candidate.deeds() : "（无）");
			FormData.freshInputs(task, OBJECTION_VERDICT, OBJECTION_FINDING);
			return;
		}
		FormData form = new FormData(task);
		String verdict = form.choice(OBJECTION_VERDICT, "核查结论", VERDICTS);
		String finding = form.text(OBJECTION_FINDING, "核查情况", 1000);
		this.commendations.handleObjection(id, "UPHOLD".equals(verdict) ? "UPHELD" : "DISMISSED", finding,
				this.currentUser.idOr(task.getAssignee()));
		// what the gateway and Task_WithdrawCandidate read next, in this same transaction
		task.getExecution().setVariable(OBJECTION_ID, id);
		task.getExecution().setVariable(OBJECTION_VERDICT, verdict);
	}

}
