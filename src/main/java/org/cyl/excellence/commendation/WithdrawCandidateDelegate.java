package org.cyl.excellence.commendation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.commendation.CommendationRepository.Objection;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.commendation.CommendationVariables.OBJECTION_ID;

/**
 * {@code Task_WithdrawCandidate} (撤销候选资格) of CommendationProcess: an upheld objection
 * withdraws its candidate; the notice shows the finding as the reason.
 */
@Component
class WithdrawCandidateDelegate implements JavaDelegate {

	private final CommendationRepository commendations;

	WithdrawCandidateDelegate(CommendationRepository commendations) {
		this.commendations = commendations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Objection objection = this.commendations.objection(((Number) execution.getVariable(OBJECTION_ID)).longValue())
			.orElseThrow();
		this.commendations.setCandidateStatus(objection.candidateId(), "WITHDRAWN", "经核查异议属实：" + objection.finding(),
				null);
	}

}
