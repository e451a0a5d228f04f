package org.cyl.excellence.supervision;

import org.cyl.excellence.branch.BranchStages;
import org.cyl.excellence.branch.Pledges;
import org.cyl.excellence.campaign.Campaigns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cyl.excellence.campaign.Campaign;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.branch.ReviewSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A campaign at a glance (活动进展), for its committee, the committees above and managers:
 * per branch its stage, how many members signed their pledge (last round), the lowest
 * rating of its last review, its appraisal grade and whether a rectification is open; and
 * the totals the charts draw. A handful of grouped queries, whatever the number of
 * branches.
 */
@Service
class CampaignDashboard {

	private final Campaigns campaigns;

	private final OrganizationDirectory organizations;

	private final ReviewSummary reviews;

	private final Pledges pledges;

	private final JdbcClient jdbc;

	CampaignDashboard(Campaigns campaigns, OrganizationDirectory organizations, ReviewSummary reviews, Pledges pledges,
			JdbcClient jdbc) {
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.reviews = reviews;
		this.pledges = pledges;
		this.jdbc = jdbc;
	}

	Map<String, Object> of(Campaign campaign) {
		String id = campaign.id();
		Map<String, String> stages = this.campaigns.stages(id);
		Map<String, Integer> members = this.organizations.memberCounts(stages.keySet());
		Map<String, Integer> signed = this.pledges.signedInLastRound(id);
		Map<String, Integer> rounds = this.pledges.lastRounds(id);
		Map<String, String> lowest = this.reviews.lowestRatings(id);
		Map<String, String> grades = this.reviews.appraisalGrades(id);
		Set<String> open = this.reviews.openRectifications(id);
		Map<String, Integer> overdue = counts(
				"select branch_code, count(*) from overdue_task where campaign_id = ? and branch_code is not null "
						+ "group by branch_code",
				id);
		Map<String, Organization> orgs = this.organizations.byCode();
		List<Map<String, Object>> branches = new ArrayList<>();
		Map<String, Integer> stageCounts = new LinkedHashMap<>();
		BranchStages.LABELS.values().forEach((label) -> stageCounts.put(label, 0));
		Map<String, Integer> gradeCounts = new LinkedHashMap<>();
		for (String grade : List.of("好", "较好", "一般", "差", "未评议")) {
			gradeCounts.put(grade, 0);
		}
		for (Map.Entry<String, String> row : stages.entrySet()) {
			String code = row.getKey();
			Organization branch = orgs.get(code);
			Organization parent = (branch != null && branch.parentCode() != null) ? orgs.get(branch.parentCode())
					: null;
			String stage = BranchStages.label(row.getValue());
			stageCounts.merge(stage, 1, Integer::sum);
			String grade = grades.getOrDefault(code, "未评议");
			gradeCounts.merge(grade, 1, Integer::sum);
			Map<String, Object> b = new LinkedHashMap<>();
			b.put("code", code);
			b.put("name", (branch != null) ? branch.name() : code);
			b.put("parent", (parent != null) ? parent.name() : "");
			b.put("stage", stage);
			b.put("members", members.getOrDefault(code, 0));
			b.put("round", rounds.get(code));
			b.put("signed", signed.getOrDefault(code, 0));
			b.put("lowestRating", ReviewSummary.ratingLabel(lowest.get(code)));
			b.put("appraisalGrade", grade);
			b.put("openRectification", open.contains(code));
			b.put("overdueTasks", overdue.getOrDefault(code, 0));
			branches.add(b);
		}
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("campaignId", id);
		view.put("title", campaign.plan().title());
		view.put("committee",
				Optional.ofNullable(orgs.get(campaign.committeeCode()))
					.map(Organization::name)
					.orElse(campaign.committeeCode()));
		view.put("status", campaign.status());
		view.put("branchCount", branches.size());
		view.put("stages", stageCounts);
		view.put("grades", gradeCounts);
		view.put("openRectifications", open.size());
		view.put("membersTotal", members.values().stream().mapToInt(Integer::intValue).sum());
		view.put("signedTotal", signed.values().stream().mapToInt(Integer::intValue).sum());
		view.put("branches", branches);
		return view;
	}

	private Map<String, Integer> counts(String sql, String campaignId) {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc.sql(sql).param(campaignId).query((rs) -> {
			counts.put(rs.getString(1), rs.getInt(2));
		});
		return counts;
	}

}
