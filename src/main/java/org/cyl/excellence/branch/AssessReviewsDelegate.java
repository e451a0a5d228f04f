package org.cyl.excellence.branch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.shared.Dates;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.branch.ReviewVariables.RECTIFY_DEADLINE;
import static org.cyl.excellence.branch.ReviewVariables.REVIEW_FINDINGS;
import static org.cyl.excellence.branch.ReviewVariables.REVIEW_PASSED;
import static org.cyl.excellence.branch.ReviewVariables.SUPERVISION_DUE;

/**
 * {@code Task_AssessReviews} (汇总点评意见) of BranchCampaignProcess: the branch passes when
 * both reviewers pass it; otherwise it rectifies by the earliest deadline a reviewer set,
 * and the failures are counted (from the second on, the higher-level committee
 * supervises).
 */
@Component
class AssessReviewsDelegate implements JavaDelegate {

	private final BranchRecords records;

	AssessReviewsDelegate(BranchRecords records) {
		this.records = records;
	}

	@Override
	public void execute(DelegateExecution execution) {
		List<LocalDate> deadlines = new ArrayList<>();
		boolean passed = true;
		for (String reviewer : List.of("committee", "party")) {
			if ("RECTIFY".equals(execution.getVariable(reviewer + "Verdict"))) {
				passed = false;
				deadlines.add(LocalDate.parse((String) execution.getVariable(reviewer + "Deadline")));
			}
		}
		execution.setVariable(REVIEW_PASSED, passed);
		if (passed) {
			return;
		}
		int failed = ((Number) execution.getVariable(BranchVariables.FAILED_REVIEWS)).intValue() + 1;
		execution.setVariable(BranchVariables.FAILED_REVIEWS, failed);
		LocalDate deadline = deadlines.stream().min(LocalDate::compareTo).orElseThrow();
		execution.setVariable(RECTIFY_DEADLINE, Dates.endOf(deadline));
		execution.setVariable(SUPERVISION_DUE, Dates.inDays(7));
		execution.setVariable(REVIEW_FINDINGS,
				ReviewSupport.history(this.records, (String) execution.getVariable(CampaignVariables.CAMPAIGN_ID),
						(String) execution.getVariable(BranchVariables.BRANCH_CODE)));
	}

}
