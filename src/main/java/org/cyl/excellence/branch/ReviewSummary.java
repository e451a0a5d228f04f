package org.cyl.excellence.branch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.appraisal.Appraisals;
import org.cyl.excellence.campaign.Opinions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the reviews of a campaign's branches came to, for those who judge the branches
 * afterwards (the commendation's eligibility, the dashboard): the lowest rating of each
 * branch's last leader review and the rectifications still open.
 */
@Component
public class ReviewSummary {

	/** Ratings from worst to best. */
	public static final List<String> RATING_ORDER = List.of("POOR", "AVERAGE", "FAIR", "GOOD");

	/** Each rating as reviewers read it. */
	public static final Map<String, String> RATING_LABELS = Map.of("GOOD", "好", "FAIR", "较好", "AVERAGE", "一般", "POOR",
			"差");

	private static final List<String> REVIEW_KINDS = List.of("COMMITTEE_REVIEW", "PARTY_REVIEW");

	private static final ObjectMapper json = new ObjectMapper();

	private final JdbcClient jdbc;

	private final Opinions opinions;

	private final Appraisals appraisals;

	ReviewSummary(JdbcClient jdbc, Opinions opinions, Appraisals appraisals) {
		this.jdbc = jdbc;
		this.opinions = opinions;
		this.appraisals = appraisals;
	}

	/** A rating as people read it; 未点评 where there is none yet. */
	public static String ratingLabel(String rating) {
		return (rating != null) ? RATING_LABELS.getOrDefault(rating, rating) : "未点评";
	}

	/**
	 * Per branch, the lowest rating any reviewer (团委 or 党组织) gave in its last review
	 * attempt; branches not reviewed yet are missing.
	 */
	public Map<String, String> lowestRatings(String campaignId) {
		Map<String, Integer> lastAttempt = new HashMap<>();
		Map<String, List<String>> contents = new HashMap<>();
		for (Opinions.Opinion opinion : this.opinions.ofKinds(campaignId, REVIEW_KINDS)) {
			String branch = opinion.branchCode();
			int attempt = opinion.attempt();
			if (attempt > lastAttempt.getOrDefault(branch, 0)) {
				lastAttempt.put(branch, attempt);
				contents.put(branch, new ArrayList<>());
			}
			contents.get(branch).add(opinion.content());
		}
		Map<String, String> lowest = new HashMap<>();
		contents.forEach((branch, opinions) -> {
			int min = RATING_ORDER.size() - 1;
			for (String content : opinions) {
				try {
					for (JsonNode rating : json.readTree(content).path("ratings")) {
						min = Math.min(min, Math.max(0, RATING_ORDER.indexOf(rating.asText())));
					}
				}
				catch (JsonProcessingException ex) {
					throw new IllegalStateException("unreadable review opinion of " + branch, ex);
				}
			}
			lowest.put(branch, RATING_ORDER.get(min));
		});
		return lowest;
	}

	/**
	 * The branches with a rectification still open: ordered by a review (限期整改) or by a
	 * mass appraisal (通报批评) and not yet reported as done.
	 */
	public Set<String> openRectifications(String campaignId) {
		Map<String, Integer> ordered = this.opinions.rectifyAttempts(campaignId);
		Map<String, Integer> rectified = counts("select branch_code, count(*) from branch_document "
				+ "where campaign_id = ? and kind = 'RECTIFICATION' group by branch_code", campaignId);
		Map<String, Integer> criticised = this.appraisals.criticisms(campaignId);
		Map<String, Integer> appraisalRectified = counts(
				"select branch_code, count(*) from branch_document "
						+ "where campaign_id = ? and kind = 'APPRAISAL_RECTIFICATION' group by branch_code",
				campaignId);
		Set<String> open = new HashSet<>();
		ordered.forEach((branch, n) -> {
			if (n > rectified.getOrDefault(branch, 0)) {
				open.add(branch);
			}
		});
		criticised.forEach((branch, n) -> {
			if (n > appraisalRectified.getOrDefault(branch, 0)) {
				open.add(branch);
			}
		});
		return open;
	}

	/** Per branch, the grade of its last closed mass appraisal. */
	public Map<String, String> appraisalGrades(String campaignId) {
		return this.appraisals.grades(campaignId);
	}

	private Map<String, Integer> counts(String sql, String campaignId) {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc.sql(sql).param(campaignId).query((rs) -> {
			counts.put(rs.getString(1), rs.getInt(2));
		});
		return counts;
	}

}
