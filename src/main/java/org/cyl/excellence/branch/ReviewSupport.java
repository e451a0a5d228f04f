package org.cyl.excellence.branch;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.campaign.Campaigns;

/**
 * What the review steps share: the organisation standard items and the branch's opinions
 * as text.
 */
final class ReviewSupport {

	private static final ObjectMapper json = new ObjectMapper();

	static final Map<String, String> KINDS = Map.of("COMMITTEE_REVIEW", "团委点评", "PARTY_REVIEW", "党组织点评",
			"PLEDGE_REVIEW", "承诺审核", "SUPERVISION", "上级团委督办");

	static final Map<String, String> RATINGS = ReviewSummary.RATING_LABELS;

	private ReviewSupport() {
	}

	/**
	 * The report, item by item, as the reviewers read it on their forms: plain text for a
	 * disabled text area (what the branch wrote must not render as Markdown).
	 */
	static String reportSummary(List<Map<String, Object>> report) {
		StringBuilder sb = new StringBuilder();
		for (Map<String, Object> row : report) {
			sb.append("【").append(row.get("item")).append("】\n");
			sb.append("工作成效：").append(row.get("results")).append("\n");
			sb.append("存在问题：").append(row.get("problems")).append("\n");
			sb.append("下步打算：").append(row.get("nextSteps")).append("\n\n");
		}
		return sb.toString().trim();
	}

	static List<String> orgItems(Campaigns campaigns, String campaignId) {
		return campaigns.standardItems(campaigns.find(campaignId).orElseThrow().plan().standardSet(), "ORG");
	}

	/**
	 * Every opinion on the branch so far, oldest first: shown in later forms (review,
	 * rectify, 督办).
	 */
	static String history(BranchRecords records, String campaignId, String branchCode) {
		StringBuilder sb = new StringBuilder();
		for (BranchRecords.OpinionRow row : records.opinions(campaignId, branchCode)) {
			if (!KINDS.containsKey(row.kind())) {
				continue;
			}
			Map<String, Object> content = read(row.content());
			sb.append(KINDS.get(row.kind()))
				.append(" 第")
				.append(row.attempt())
				.append("次（")
				.append(row.author())
				.append("，")
				.append(row.createdAt().toLocalDateTime().toLocalDate())
				.append("）");
			if (row.verdict() != null) {
				sb.append("：").append(verdictLabel(row.verdict()));
			}
			sb.append("\n");
			for (String key : List.of("affirmed", "problems", "direction", "opinion")) {
				Object value = content.get(key);
				if (value != null && !value.toString().isBlank()) {
					sb.append("  ").append(label(key)).append("：").append(value).append("\n");
				}
			}
			if (row.deadline() != null) {
				sb.append("  整改期限：").append(row.deadline()).append("\n");
			}
		}
		return sb.isEmpty() ? "（暂无）" : sb.toString().trim();
	}

	private static String label(String key) {
		return switch (key) {
			case "affirmed" -> "肯定成绩";
			case "problems" -> "指出问题";
			case "direction" -> "努力方向";
			default -> "意见";
		};
	}

	static String verdictLabel(String verdict) {
		return switch (verdict) {
			case "PASS" -> "通过";
			case "RECTIFY" -> "限期整改";
			case "approve" -> "通过";
			case "return" -> "退回修改";
			default -> verdict;
		};
	}

	static Map<String, Object> read(String content) {
		try {
			return json.readValue(content, new TypeReference<>() {
			});
		}
		catch (Exception ex) {
			return Map.of();
		}
	}

}
