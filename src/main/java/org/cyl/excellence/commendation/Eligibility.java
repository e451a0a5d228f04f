package org.cyl.excellence.commendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.branch.ReviewSummary;
import org.springframework.stereotype.Component;

/**
 * Which branches of a campaign may be recommended as advanced organisations: the DMN
 * table {@code CommendationEligibility} (bpmn/commendation/CommendationEligibility.dmn)
 * judges each branch by the lowest rating of its last leader review (团委 and 党组织), the
 * grade of its last mass appraisal and whether a rectification is still open.
 */
@Component
class Eligibility {

	private final Campaigns campaigns;

	private final DecisionService decisions;

	private final OrganizationDirectory organizations;

	private final ReviewSummary reviews;

	Eligibility(Campaigns campaigns, DecisionService decisions, OrganizationDirectory organizations,
			ReviewSummary reviews) {
		this.campaigns = campaigns;
		this.decisions = decisions;
		this.organizations = organizations;
		this.reviews = reviews;
	}

	/** The verdict on one branch with what the table was given. */
	record Verdict(String branchCode, String branchName, boolean openRectification, String lowestReviewRating,
			String appraisalGrade, boolean eligible, String reason) {
	}

	List<Verdict> of(String campaignId) {
		List<String> branches = List.copyOf(this.campaigns.stages(campaignId).keySet());
		Map<String, String> lowest = this.reviews.lowestRatings(campaignId);
		Map<String, String> grades = this.reviews.appraisalGrades(campaignId);
		Set<String> open = this.reviews.openRectifications(campaignId);
		Map<String, Organization> orgs = this.organizations.byCode();
		List<Verdict> verdicts = new ArrayList<>();
		for (String branch : branches) {
			String rating = lowest.get(branch);
			String grade = grades.getOrDefault(branch, "未定");
			DmnDecisionRuleResult result = this.decisions.evaluateDecisionTableByKey("CommendationEligibility")
				.variables(Variables.createVariables()
					.putValue("openRectification", open.contains(branch))
					.putValue("lowestReviewRating", rating)
					.putValue("appraisalGrade", grade))
				.evaluate()
				.getSingleResult();
			String name = orgs.containsKey(branch) ? orgs.get(branch).name() : branch;
			verdicts.add(new Verdict(branch, name, open.contains(branch), rating, grade,
					Boolean.TRUE.equals(result.get("eligible")), (String) result.get("reason")));
		}
		return verdicts;
	}

}
