package org.cyl.excellence.partyrecommendation;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.commendation.WorkingDays;
import org.cyl.excellence.shared.Dates;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.NOTICE_ENDS;
import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.STAGE;

/**
 * {@code Task_PublishNotice} (发布推优公示) of BranchPartyRecommendationProcess: the kept
 * candidates are noticed publicly from today for the table's {@code noticeWorkingDays}
 * working days (the commendation's {@link WorkingDays}); the notice ends at the end of
 * its last working day ({@code Event_NoticePeriodEnded}).
 */
@Component
class PartyPublishNoticeDelegate implements JavaDelegate {

	private final PartyRecommendationRepository repository;

	private final WorkingDays workingDays;

	private final PartyRecommendationSettings settings;

	PartyPublishNoticeDelegate(PartyRecommendationRepository repository, WorkingDays workingDays,
			PartyRecommendationSettings settings) {
		this.repository = repository;
		this.workingDays = workingDays;
		this.settings = settings;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RecommendationStage stage = RecommendationStage.valueOf((String) execution.getVariable(STAGE));
		LocalDate today = LocalDate.now();
		LocalDate until = this.workingDays.lastDayOf(today, this.settings.of(stage).noticeWorkingDays());
		this.repository.openNotice(execution.getProcessInstanceId(), today, until);
		execution.setVariable(NOTICE_ENDS, Dates.endOf(until));
	}

}
