package org.cyl.excellence.commendation;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.shared.Dates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.commendation.CommendationVariables.NOTICE_ENDS;

/**
 * {@code Task_PublishNotice} (发布公示) of CommendationProcess: the candidates are noticed
 * publicly from today for {@code app.commendation.notice-working-days} working days
 * (default 5; weekends and the configured holidays do not count, {@link WorkingDays});
 * the notice ends at the end of its last working day ({@code Event_NoticePeriodEnded}).
 */
@Component
class PublishNoticeDelegate implements JavaDelegate {

	private final CommendationRepository commendations;

	private final WorkingDays workingDays;

	private final int noticeDays;

	@Autowired
	PublishNoticeDelegate(CommendationRepository commendations, WorkingDays workingDays,
			CommendationProperties properties) {
		this(commendations, workingDays, properties.noticeWorkingDays());
	}

	PublishNoticeDelegate(CommendationRepository commendations, WorkingDays workingDays, int noticeDays) {
		this.commendations = commendations;
		this.workingDays = workingDays;
		this.noticeDays = noticeDays;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String campaignId = (String) execution.getVariable(CampaignVariables.CAMPAIGN_ID);
		LocalDate today = today();
		LocalDate until = this.workingDays.lastDayOf(today, this.noticeDays);
		this.commendations.openNotice(campaignId, today, until);
		execution.setVariable(NOTICE_ENDS, Dates.endOf(until));
	}

	/** The day the notice is published: today (a test may publish it on another day). */
	LocalDate today() {
		return LocalDate.now();
	}

}
