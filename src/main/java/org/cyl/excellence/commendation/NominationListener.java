package org.cyl.excellence.commendation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.commendation.Eligibility.Verdict;
import org.cyl.excellence.branch.ReviewSummary;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

/**
 * {@code Task_NominateOrganizations} (推荐先进组织) of CommendationProcess: the Party
 * organisation picks, among the branches the DMN table CommendationEligibility allows,
 * the 五四红旗团组织 and the 先进团组织 — together within the plan's quota of organisations, no
 * branch twice.
 */
@Component
class NominationListener implements TaskListener {

	static final String RED_FLAG_KEY = "redFlagOrganizations";

	static final String ADVANCED_KEY = "advancedOrganizations";

	private final Eligibility eligibility;

	private final Campaigns campaigns;

	private final CommendationRepository commendations;

	NominationListener(Eligibility eligibility, Campaigns campaigns, CommendationRepository commendations) {
		this.eligibility = eligibility;
		this.campaigns = campaigns;
		this.commendations = commendations;
	}

	@Override
	public void notify(DelegateTask task) {
		String campaignId = (String) task.getVariable(CampaignVariables.CAMPAIGN_ID);
		int quota = this.campaigns.find(campaignId).orElseThrow().plan().quotaOrganizations();
		List<Verdict> verdicts = this.eligibility.of(campaignId);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			StringBuilder table = new StringBuilder("| 团支部 | 点评最低评定 | 群众评议 | 有未完成整改 | 结论 |\n|---|---|---|---|---|\n");
			List<Map<String, Object>> options = new ArrayList<>();
			for (Verdict v : verdicts) {
				table.append("| ")
					.append(v.branchName())
					.append(" | ")
					.append(ReviewSummary.ratingLabel(v.lowestReviewRating()))
					.append(" | ")
					.append(v.appraisalGrade())
					.append(" | ")
					.append(v.openRectification() ? "是" : "否")
					.append(" | ")
					.append(v.eligible() ? "可推荐" : "不可推荐：" + v.reason())
					.append(" |\n");
				if (v.eligible()) {
					options.add(Map.of("label", v.branchName(), "value", v.branchCode()));
				}
			}
			task.setVariableLocal("eligibilityTable", table.toString());
			task.setVariableLocal("eligibleOptions", FormData.jsonVariable(options));
			task.setVariableLocal("organizationQuota", quota);
			FormData.freshInputs(task, RED_FLAG_KEY, ADVANCED_KEY);
			return;
		}
		FormData form = new FormData(task);
		List<String> redFlag = form.ticked(RED_FLAG_KEY, "五四红旗团组织");
		List<String> advanced = form.ticked(ADVANCED_KEY, "先进团组织");
		Map<String, Verdict> byCode = new java.util.HashMap<>();
		verdicts.forEach((v) -> byCode.put(v.branchCode(), v));
		Set<String> seen = new HashSet<>();
		for (String code : concat(redFlag, advanced)) {
			Verdict v = byCode.get(code);
			if (v == null) {
				throw FormData.invalid("推荐组织", "中的“" + code + "”不是本次活动的团支部");
			}
			if (!v.eligible()) {
				throw FormData.invalid("推荐组织", "中的" + v.branchName() + "不符合推荐条件：" + v.reason());
			}
			if (!seen.add(code)) {
				throw FormData.invalid("推荐组织", "中的" + v.branchName() + "只能推荐一种称号");
			}
		}
		if (seen.size() > quota) {
			throw FormData.invalid("推荐组织", "共 " + seen.size() + " 个，超过先进组织名额（" + quota + " 个）");
		}
		for (String code : redFlag) {
			nominate(campaignId, byCode.get(code), CommendationRepository.RED_FLAG);
		}
		for (String code : advanced) {
			nominate(campaignId, byCode.get(code), CommendationRepository.ADVANCED);
		}
	}

	private void nominate(String campaignId, Verdict v, String title) {
		if (!this.commendations.hasCandidate(campaignId, CommendationRepository.ORG, v.branchCode(), null)) {
			this.commendations.addCandidate(campaignId, CommendationRepository.ORG, v.branchCode(), null,
					v.branchName(), title,
					"党组织推荐；点评最低评定" + ReviewSummary.ratingLabel(v.lowestReviewRating()) + "，群众评议" + v.appraisalGrade());
		}
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
