package org.cyl.excellence.appraisal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.CampaignVariables;
import org.springframework.stereotype.Component;

/**
 * What the masses are asked: one item per organisation standard item of the campaign, or,
 * for a candidate list (CommendationProcess), one item per candidate
 * ({@code appraisalSubjects}); then 总体评价 — the overall item, whose rates grade the
 * appraisal.
 */
@Component
class AppraisalItems {

	static final String OVERALL = "总体评价";

	/** The candidates of a list appraised by the masses, when it is one. */
	static final String SUBJECTS = "appraisalSubjects";

	private final Campaigns campaigns;

	AppraisalItems(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	List<String> of(VariableScope scope) {
		List<String> items = new ArrayList<>();
		if (scope.getVariable(SUBJECTS) instanceof List<?> subjects) {
			subjects.forEach((s) -> items.add(String.valueOf(s)));
			items.add(OVERALL);
			return items;
		}
		Object campaignId = scope.getVariable(CampaignVariables.CAMPAIGN_ID);
		if (campaignId != null) {
			this.campaigns.find((String) campaignId)
				.ifPresent((c) -> items.addAll(this.campaigns.standardItems(c.plan().standardSet(), "ORG")));
		}
		items.add(OVERALL);
		return items;
	}

}
