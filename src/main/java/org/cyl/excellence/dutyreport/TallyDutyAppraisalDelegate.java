package org.cyl.excellence.dutyreport;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.appraisal.Polls;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.dutyreport.DutyReportVariables.APPRAISAL_ROUND;
import static org.cyl.excellence.dutyreport.DutyReportVariables.APPRAISAL_VALID;
import static org.cyl.excellence.dutyreport.DutyReportVariables.GOOD_PERCENT;
import static org.cyl.excellence.dutyreport.DutyReportVariables.POLL_ID;
import static org.cyl.excellence.dutyreport.DutyReportVariables.POOR_PERCENT;
import static org.cyl.excellence.dutyreport.DutyReportVariables.RATING;
import static org.cyl.excellence.dutyreport.DutyReportVariables.REPEAT_APPRAISAL;
import static org.cyl.excellence.dutyreport.DutyReportVariables.REPORT_ID;

/**
 * {@code Task_TallyAppraisal} (统计评议结果) of SecretaryDutyReportProcess: closes the poll and
 * counts it. The appraisal is valid when at least two thirds of the appraisers took part
 * (cast × 3 ≥ issued × 2: exactly two thirds is valid). Too few: the first round is
 * repeated once with new ballots (the old links no longer count); a repeated round still
 * too low is recorded invalid (INVALID) and reported upward as such, without a rating.
 */
@Component
class TallyDutyAppraisalDelegate implements JavaDelegate {

	/** How many rounds at most: the first and one repetition. */
	static final int MAX_ROUNDS = 2;

	private final DutyReportRepository reports;

	private final Polls polls;

	TallyDutyAppraisalDelegate(DutyReportRepository reports, Polls polls) {
		this.reports = reports;
		this.polls = polls;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Polls.Result result = this.polls.close((String) execution.getVariable(POLL_ID));
		this.reports.tally((String) execution.getVariable(REPORT_ID), result.cast(), result.good(), result.fair(),
				result.poor());
		int round = ((Number) execution.getVariable(APPRAISAL_ROUND)).intValue();
		boolean valid = valid(result.cast(), result.issued());
		execution.setVariable(APPRAISAL_VALID, valid);
		execution.setVariable(REPEAT_APPRAISAL, !valid && round < MAX_ROUNDS && result.issued() > 0);
		execution.setVariable(GOOD_PERCENT, percent(result.good(), result.cast()));
		execution.setVariable(POOR_PERCENT, percent(result.poor(), result.cast()));
		execution.setVariable(RATING, valid ? null : "INVALID");
	}

	/** At least two thirds of the ballots issued were cast (none issued: never valid). */
	static boolean valid(int cast, int issued) {
		return issued > 0 && cast * 3 >= issued * 2;
	}

	static double percent(int part, int whole) {
		return (whole == 0) ? 0 : 100.0 * part / whole;
	}

}
