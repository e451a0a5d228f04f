package org.cyl.excellence.partyrecommendation;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.*;

/**
 * {@code Task_AgreeList} (审核推优人选) of BranchPartyRecommendationProcess: the committee
 * above the branch agrees the proposed list or returns it with an opinion (required),
 * which the secretary sees when proposing again.
 */
@Component
class PartyAgreeListListener implements TaskListener {

	static final Set<String> DECISIONS = Set.of("agree", "return");

	private final PartyRecommendationRepository repository;

	PartyAgreeListListener(PartyRecommendationRepository repository) {
		this.repository = repository;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.setVariableLocal("candidateList",
					this.repository.candidates(task.getProcessInstanceId())
						.stream()
						.map((c) -> c.position() + ". " + c.memberName() + "（" + c.leagueNo() + "）")
						.collect(Collectors.joining("\n")));
			FormData.freshInputs(task, LIST_DECISION, LIST_OPINION);
			return;
		}
		FormData form = new FormData(task);
		boolean agreed = "agree".equals(form.choice(LIST_DECISION, "审核意见", DECISIONS));
		String opinion = form.optionalText(LIST_OPINION, "意见", 500);
		if (!agreed && opinion == null) {
			throw FormData.invalid("意见", "退回时必须填写");
		}
		this.repository.setStatus(task.getProcessInstanceId(), agreed ? "MEETING" : "PROPOSING");
		task.getExecution().setVariable(LIST_AGREED, agreed);
		task.getExecution().setVariable("returnOpinion", agreed ? null : opinion);
	}

}
