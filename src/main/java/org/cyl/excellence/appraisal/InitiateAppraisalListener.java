package org.cyl.excellence.appraisal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.appraisal.AppraisalVariables.APPRAISAL_ITEMS;
import static org.cyl.excellence.appraisal.AppraisalVariables.BALLOT_COUNT;
import static org.cyl.excellence.appraisal.AppraisalVariables.CLOSES_AT;
import static org.cyl.excellence.appraisal.AppraisalVariables.OPENS_AT;
import static org.cyl.excellence.appraisal.AppraisalVariables.PUBLISH_SCOPE;

/**
 * {@code Task_InitiateAppraisal} (发起群众评议) of MassAppraisalProcess. On create: the items
 * the masses will be asked (one per organisation standard item, then 总体评价). On complete:
 * the number of ballots (1–2000), the opening and closing day (closing after opening, not
 * in the past) and where the results are published.
 */
@Component
class InitiateAppraisalListener implements TaskListener {

	static final Set<String> SCOPES = Set.of("BRANCH", "COMMITTEE");

	static final int MAX_BALLOTS = 2000;

	private final AppraisalItems items;

	InitiateAppraisalListener(AppraisalItems items) {
		this.items = items;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			List<String> asked = this.items.of(task);
			task.setVariable(APPRAISAL_ITEMS, String.join("、", asked));
			FormData.freshInputs(task, BALLOT_COUNT, OPENS_AT, CLOSES_AT, PUBLISH_SCOPE);
			return;
		}
		FormData form = new FormData(task);
		int ballots = form.number(BALLOT_COUNT, "选票数量", 1, MAX_BALLOTS);
		LocalDate opens = form.date(OPENS_AT, "评议开始日期");
		LocalDate closes = form.date(CLOSES_AT, "评议截止日期");
		if (closes.isBefore(LocalDate.now())) {
			throw FormData.invalid("评议截止日期", "不能早于今天");
		}
		if (closes.isBefore(opens)) {
			throw FormData.invalid("评议截止日期", "不能早于评议开始日期");
		}
		String scope = form.choice(PUBLISH_SCOPE, "结果公布范围", SCOPES);
		// the validated values leave the task for Task_IssueBallots
		task.getExecution().setVariable(BALLOT_COUNT, ballots);
		task.getExecution().setVariable(OPENS_AT, opens.toString());
		task.getExecution().setVariable(CLOSES_AT, closes.toString());
		task.getExecution().setVariable(PUBLISH_SCOPE, scope);
	}

}
