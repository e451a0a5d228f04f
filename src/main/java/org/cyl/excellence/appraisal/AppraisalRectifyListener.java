package org.cyl.excellence.appraisal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.appraisal.AppraisalRepository.Appraisal;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.appraisal.AppraisalVariables.APPRAISAL_ID;
import static org.cyl.excellence.appraisal.AppraisalVariables.APPRAISAL_MEASURES;
import static org.cyl.excellence.appraisal.AppraisalVariables.APPRAISAL_SUMMARY;

/**
 * {@code Task_RectifyAfterAppraisal} (限期整改) of MassAppraisalProcess, after a criticism
 * notice: the secretary sees the result and writes the measures, kept on the
 * organisation's record (AppraisalRectified, which branch keeps).
 */
@Component
class AppraisalRectifyListener implements TaskListener {

	private final AppraisalRepository appraisals;

	private final CurrentUser currentUser;

	private final ApplicationEventPublisher events;

	AppraisalRectifyListener(AppraisalRepository appraisals, CurrentUser currentUser,
			ApplicationEventPublisher events) {
		this.appraisals = appraisals;
		this.currentUser = currentUser;
		this.events = events;
	}

	@Override
	public void notify(DelegateTask task) {
		Appraisal appraisal = this.appraisals.find((String) task.getVariable(APPRAISAL_ID)).orElseThrow();
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.setVariable(APPRAISAL_SUMMARY,
					"群众评议等次：" + appraisal.grade() + "；满意率 " + percent(appraisal.satisfaction()) + "，不满意率 "
							+ percent(appraisal.dissatisfaction()) + "，参评率 " + percent(appraisal.participation())
							+ "。已被通报批评，请限期整改。");
			FormData.freshInputs(task, APPRAISAL_MEASURES);
			return;
		}
		String measures = new FormData(task).text(APPRAISAL_MEASURES, "整改措施", 2000);
		if (appraisal.campaignId() != null) {
			this.events.publishEvent(new AppraisalRectified(appraisal.campaignId(), appraisal.orgCode(), appraisal.id(),
					FormData.toJson(java.util.Map.of("measures", measures, "appraisal", appraisal.id())),
					this.currentUser.idOr(task.getAssignee())));
		}
	}

	static String percent(java.math.BigDecimal rate) {
		return (rate == null) ? "—" : rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

}
