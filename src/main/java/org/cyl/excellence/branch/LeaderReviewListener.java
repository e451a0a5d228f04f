package org.cyl.excellence.branch;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.Opinions;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.branch.ReviewVariables.LEADER_REVIEW;
import static org.cyl.excellence.branch.ReviewVariables.LEADER_REVIEW_KEYS;
import static org.cyl.excellence.branch.ReviewVariables.REVIEWER_TITLE;
import static org.cyl.excellence.branch.ReviewVariables.REVIEW_HISTORY;

/**
 * {@code Task_CommitteeReview} (团委点评) and {@code Task_PartyReview} (党组织点评) of
 * BranchCampaignProcess: the parent committee and the Party organisation each rate every
 * organisation standard item (好 / 较好 / 一般 / 差) with affirmed results, problems and
 * direction, and pass the branch or order 限期整改 with a deadline; every opinion is kept.
 * <p>
 * Both tasks use LeaderReview.form with the same keys ({@code review…}): the create event
 * declares them task-local, so the two reviews running in parallel never share an input,
 * and sets the heading ({@code reviewerTitle}, 团委点评 or 党组织点评) as a task-local variable
 * the form's text shows. Tasks of deployments before it keep their CommitteeReview or
 * PartyReview form, whose keys carry the reviewer's prefix ({@code committee…},
 * {@code party…}): the keys are read from the task's own form. The verdict and deadline
 * the assessment reads are written with the reviewer's prefix.
 */
@Component
class LeaderReviewListener implements TaskListener {

	static final Set<String> VERDICTS = Set.of("PASS", "RECTIFY");

	private final Campaigns campaigns;

	private final Opinions opinions;

	private final BranchRecords records;

	private final CurrentUser currentUser;

	LeaderReviewListener(Campaigns campaigns, Opinions opinions, BranchRecords records, CurrentUser currentUser) {
		this.campaigns = campaigns;
		this.opinions = opinions;
		this.records = records;
		this.currentUser = currentUser;
	}

	/** Which reviewer a task is: the prefix of its form keys and the kind of opinion. */
	record Reviewer(String prefix, String kind, String label) {

		static Reviewer of(String taskDefinitionKey) {
			return "Task_PartyReview".equals(taskDefinitionKey) ? new Reviewer("party", "PARTY_REVIEW", "党组织")
					: new Reviewer("committee", "COMMITTEE_REVIEW", "团委");
		}

	}

	/**
	 * The prefix of the keys the task's own form submits: LeaderReview's, or the
	 * reviewer's on the CommitteeReview and PartyReview forms of deployments before it.
	 */
	static String keys(DelegateTask task, Reviewer reviewer) {
		TaskEntity entity = (TaskEntity) task;
		entity.initializeFormKey();
		CamundaFormRef form = entity.getCamundaFormRef();
		return (form == null || LEADER_REVIEW.equals(form.getKey())) ? LEADER_REVIEW_KEYS : reviewer.prefix();
	}

	@Override
	public void notify(DelegateTask task) {
		String campaignId = (String) task.getVariable(CampaignVariables.CAMPAIGN_ID);
		String branch = (String) task.getVariable(BranchVariables.BRANCH_CODE);
		Reviewer reviewer = Reviewer.of(task.getTaskDefinitionKey());
		List<String> items = ReviewSupport.orgItems(this.campaigns, campaignId);
		String p = reviewer.prefix();
		String k = keys(task, reviewer);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.setVariable(REVIEW_HISTORY, ReviewSupport.history(this.records, campaignId, branch));
			task.setVariableLocal(REVIEWER_TITLE, reviewer.label() + "点评");
			FormData.clearPerItem(task, true, k + "Rating");
			FormData.freshInputs(task, k + "Affirmed", k + "Problems", k + "Direction", k + "Verdict", k + "Deadline");
			return;
		}
		FormData form = new FormData(task);
		List<String> chosen = form.perItemChoice(k + "Rating", "评定", items, ReviewSupport.RATINGS.keySet());
		Map<String, Object> ratings = new LinkedHashMap<>();
		for (int i = 0; i < items.size(); i++) {
			ratings.put(items.get(i), chosen.get(i));
		}
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("ratings", ratings);
		content.put("affirmed", form.text(k + "Affirmed", "肯定成绩", 1000));
		content.put("problems", form.text(k + "Problems", "指出问题", 1000));
		content.put("direction", form.text(k + "Direction", "努力方向", 1000));
		String verdict = form.choice(k + "Verdict", "点评结论", VERDICTS);
		LocalDate deadline = null;
		if ("RECTIFY".equals(verdict)) {
			deadline = form.date(k + "Deadline", "整改期限");
			if (!deadline.isAfter(LocalDate.now())) {
				throw FormData.invalid("整改期限", "必须晚于今天");
			}
		}
		int attempt = ((Number) task.getVariable(BranchVariables.FAILED_REVIEWS)).intValue() + 1;
		this.opinions.add(campaignId, branch, reviewer.kind(), attempt, verdict, FormData.toJson(content), deadline,
				this.currentUser.idOr(task.getAssignee()));
		// the process reads the verdicts and deadlines when both reviews are in
		// (Task_AssessReviews)
		task.getExecution().setVariable(p + "Verdict", verdict);
		task.getExecution().setVariable(p + "Deadline", (deadline != null) ? deadline.toString() : null);
	}

}
