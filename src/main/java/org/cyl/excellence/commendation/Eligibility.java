package org.cyl.excellence.commendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which branches of a campaign may be recommended as advanced organisations: the DMN
 * table {@code CommendationEligibility} (bpmn/CommendationEligibility.dmn) judges each
 * branch by the lowest rating of its last leader review (团委 and 党组织), the grade of its
 * last mass appraisal and whether a rectification is still open.
 */
@Component
class Eligibility {

	static final List<String> RATING_ORDER = List.of("POOR", "AVERAGE", "FAIR", "GOOD");

	private static final ObjectMapper json = new ObjectMapper();

	private final JdbcClient jdbc;

	private final DecisionService decisions;

	private final OrganizationDirectory organizations;

	Eligibility(JdbcClient jdbc, DecisionService decisions, OrganizationDirectory organizations) {
		this.jdbc = jdbc;
		this.decisions = decisions;
		this.organizations = organizations;
	}

	/** The verdict on one branch with what the table was given. */
	record Verdict(String branchCode, String branchName, boolean openRectification, String lowestReviewRating,
			String appraisalGrade, boolean eligible, String reason) {
	}

	List<Verdict> of(String campaignId) {
		List<String> branches = this.jdbc
			.sql("select branch_code from campaign_branch where campaign_id = ? order by branch_code")
			.param(campaignId)
			.query(String.class)
			.list();
		Map<String, String> lowest = lowestRatings(campaignId);
		Map<String, String> grades = new HashMap<>();
		Map<String, Integer> criticised = new HashMap<>();
		this.jdbc
			.sql("select org_code, grade, outcome from appraisal where campaign_id = ? and status = 'CLOSED' "
					+ "order by round_no")
			.param(campaignId)
			.query((rs) -> {
				grades.put(rs.getString(1), rs.getString(2));
				if ("CRITICISE".equals(rs.getString(3))) {
					criticised.merge(rs.getString(1), 1, Integer::sum);
				}
			});
		Map<String, Integer> rectified = documentCounts(campaignId, "APPRAISAL_RECTIFICATION");
		Map<String, Integer> ordered = new HashMap<>();
		this.jdbc
			.sql("select branch_code, count(distinct attempt) from opinion where campaign_id = ? "
					+ "and verdict = 'RECTIFY' group by branch_code")
			.param(campaignId)
			.query((rs) -> {
				ordered.put(rs.getString(1), rs.getInt(2));
			});
		Map<String, Integer> reviewRectified = documentCounts(campaignId, "RECTIFICATION");
		List<Verdict> verdicts = new ArrayList<>();
		for (String branch : branches) {
			boolean open = criticised.getOrDefault(branch, 0) > rectified.getOrDefault(branch, 0)
					|| ordered.getOrDefault(branch, 0) > reviewRectified.getOrDefault(branch, 0);
			String rating = lowest.get(branch);
			String grade = grades.getOrDefault(branch, "未定");
			DmnDecisionRuleResult result = this.decisions.evaluateDecisionTableByKey("CommendationEligibility")
				.variables(Variables.createVariables()
					.putValue("openRectification", open)
					.putValue("lowestReviewRating", rating)
					.putValue("appraisalGrade", grade))
				.evaluate()
				.getSingleResult();
			String name = this.organizations.find(branch).map((o) -> o.name()).orElse(branch);
			verdicts.add(new Verdict(branch, name, open, rating, grade, Boolean.TRUE.equals(result.get("eligible")),
					(String) result.get("reason")));
		}
		return verdicts;
	}

	/** The lowest rating of each branch's last review attempt, by either reviewer. */
	private Map<String, String> lowestRatings(String campaignId) {
		Map<String, Integer> lastAttempt = new HashMap<>();
		Map<String, List<String>> contents = new HashMap<>();
		this.jdbc
			.sql("select branch_code, attempt, content from opinion where campaign_id = ? "
					+ "and kind in ('COMMITTEE_REVIEW', 'PARTY_REVIEW') order by attempt")
			.param(campaignId)
			.query((rs) -> {
				String branch = rs.getString(1);
				int attempt = rs.getInt(2);
				if (attempt > lastAttempt.getOrDefault(branch, 0)) {
					lastAttempt.put(branch, attempt);
					contents.put(branch, new ArrayList<>());
				}
				contents.get(branch).add(rs.getString(3));
			});
		Map<String, String> lowest = new HashMap<>();
		contents.forEach((branch, opinions) -> {
			int min = RATING_ORDER.size() - 1;
			for (String content : opinions) {
				try {
					for (JsonNode rating : json.readTree(content).path("ratings")) {
						min = Math.min(min, Math.max(0, RATING_ORDER.indexOf(rating.asText())));
					}
				}
				catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
					throw new IllegalStateException("unreadable review opinion of " + branch, ex);
				}
			}
			lowest.put(branch, RATING_ORDER.get(min));
		});
		return lowest;
	}

	private Map<String, Integer> documentCounts(String campaignId, String kind) {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc
			.sql("select branch_code, count(*) from branch_document where campaign_id = ? and kind = ? "
					+ "group by branch_code")
			.params(campaignId, kind)
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getInt(2));
			});
		return counts;
	}

}
