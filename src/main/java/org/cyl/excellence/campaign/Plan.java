package org.cyl.excellence.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.cyl.excellence.shared.FormData;

import static org.cyl.excellence.campaign.CampaignVariables.ADVANCE_END;
import static org.cyl.excellence.campaign.CampaignVariables.CAMPAIGN_START;
import static org.cyl.excellence.campaign.CampaignVariables.MOBILIZATION_END;
import static org.cyl.excellence.campaign.CampaignVariables.PLEDGE_NAMES;
import static org.cyl.excellence.campaign.CampaignVariables.PLEDGE_WINDOW_DAYS;
import static org.cyl.excellence.campaign.CampaignVariables.QUOTA_MEMBERS;
import static org.cyl.excellence.campaign.CampaignVariables.QUOTA_MEMBERS_PER_BRANCH;
import static org.cyl.excellence.campaign.CampaignVariables.QUOTA_ORGANIZATIONS;
import static org.cyl.excellence.campaign.CampaignVariables.REVIEW_DATE;
import static org.cyl.excellence.campaign.CampaignVariables.STANDARD_SET;
import static org.cyl.excellence.campaign.CampaignVariables.SUMMARY_END;
import static org.cyl.excellence.campaign.CampaignVariables.THEME;
import static org.cyl.excellence.campaign.CampaignVariables.TITLE;

/**
 * The implementation plan (实施方案) as the forms CampaignPlan and RevisePlan submit it,
 * checked with the forms' own limits plus what a form cannot check: the stages in order
 * and not begun more than a week ago, the rounds inside the campaign.
 */
public record Plan(String title, String theme, String standardSet, LocalDate campaignStart, LocalDate mobilizationEnd,
		LocalDate advanceEnd, LocalDate summaryEnd, int pledgeWindowDays, List<Round> rounds, LocalDate reviewDate,
		int quotaOrganizations, int quotaMembers, int quotaMembersPerBranch, String pledgeNames) {

	/** A pledge round (承诺 · 践诺 · 评诺) with its theme and end date. */
	public record Round(int number, String theme, LocalDate endDate) {
	}

	static final Set<String> STANDARD_SETS = Set.of("FOUR", "FIVE");

	/** The public pledge page names the members who pledged. */
	public static final String NAMES = "NAMES";

	/** The public pledge page only counts the members who pledged. */
	public static final String COUNTS = "COUNTS";

	/**
	 * Whether the public pledge page (公开承诺) shows the members' names with their pledges
	 * ({@link #NAMES}); else it shows how many pledged ({@link #COUNTS}).
	 */
	public boolean namesShown() {
		return NAMES.equals(this.pledgeNames);
	}

	public static final int MAX_ROUNDS = 3;

	/**
	 * How many days a plan's start may lie in the past: a plan adopted at a meeting is
	 * entered within the week; a start further back would open stages whose time is
	 * already gone (and their tasks overdue at once).
	 */
	public static final int MAX_DAYS_BACKDATED = 7;

	/**
	 * Reads and checks the plan; the first problem is thrown as a
	 * {@link BadUserRequestException}.
	 */
	static Plan read(FormData form) {
		return read(form, null);
	}

	/**
	 * Reads and checks the plan; {@code pledgeNamesIfAbsent}, when not null, is the
	 * public-names setting kept when the form has no such field (a 修改方案 task of a
	 * deployment before the setting existed).
	 */
	static Plan read(FormData form, String pledgeNamesIfAbsent) {
		String title = form.text(TITLE, "活动名称", 100);
		String theme = form.text(THEME, "活动主题", 200);
		String standardSet = form.choice(STANDARD_SET, "标准", STANDARD_SETS);
		String pledgeNames = (pledgeNamesIfAbsent != null && form.optionalText(PLEDGE_NAMES, "公开承诺", 10) == null)
				? pledgeNamesIfAbsent : form.choice(PLEDGE_NAMES, "公开承诺中的团员个人承诺", Set.of(NAMES, COUNTS));
		LocalDate start = form.date(CAMPAIGN_START, "动员部署开始");
		LocalDate mobilizationEnd = form.date(MOBILIZATION_END, "动员部署结束");
		LocalDate advanceEnd = form.date(ADVANCE_END, "全面推进结束");
		LocalDate summaryEnd = form.date(SUMMARY_END, "总结提升结束");
		LocalDate today = LocalDate.now();
		if (start.isBefore(today.minusDays(MAX_DAYS_BACKDATED))) {
			throw FormData.invalid("动员部署开始", "不能早于 " + MAX_DAYS_BACKDATED + " 天前（" + today.minusDays(MAX_DAYS_BACKDATED)
					+ "）：方案须在活动开始前或开始后一周内制定，已过去的阶段无法再安排");
		}
		if (!mobilizationEnd.isAfter(start)) {
			throw FormData.invalid("动员部署结束", "必须晚于动员部署开始");
		}
		if (!advanceEnd.isAfter(mobilizationEnd)) {
			throw FormData.invalid("全面推进结束", "必须晚于动员部署结束");
		}
		if (!summaryEnd.isAfter(advanceEnd)) {
			throw FormData.invalid("总结提升结束", "必须晚于全面推进结束");
		}
		int window = form.number(PLEDGE_WINDOW_DAYS, "承诺期限", 1, 60);
		List<Round> rounds = new ArrayList<>();
		for (int i = 1; i <= MAX_ROUNDS; i++) {
			String label = "第" + "一二三".charAt(i - 1) + "轮";
			String roundTheme = form.optionalText(CampaignVariables.roundTheme(i), label + "承诺主题", 200);
			LocalDate end = form.optionalDate(CampaignVariables.roundEnd(i), label + "截止日期");
			if (roundTheme == null && end == null && i > 1) {
				continue;
			}
			if (roundTheme == null) {
				throw FormData.invalid(label + "承诺主题", "不能为空");
			}
			if (end == null) {
				throw FormData.invalid(label + "截止日期", "不能为空");
			}
			if (!rounds.isEmpty() && rounds.size() != i - 1) {
				throw FormData.invalid(label + "承诺主题", "前一轮未填写：轮次须依次填写");
			}
			if (!end.isAfter(start) || end.isAfter(summaryEnd)) {
				throw FormData.invalid(label + "截止日期", "必须在活动期间内（动员部署开始之后、总结提升结束之前）");
			}
			if (!rounds.isEmpty() && !end.isAfter(rounds.get(rounds.size() - 1).endDate())) {
				throw FormData.invalid(label + "截止日期", "必须晚于上一轮的截止日期");
			}
			rounds.add(new Round(i, roundTheme, end));
		}
		if (start.plusDays(window).isAfter(rounds.get(0).endDate())) {
			throw FormData.invalid("承诺期限", "超过了第一轮截止日期：承诺须在本轮结束前签订");
		}
		LocalDate reviewDate = form.date(REVIEW_DATE, "点评日期");
		if (!reviewDate.isAfter(rounds.get(rounds.size() - 1).endDate()) || reviewDate.isAfter(summaryEnd)) {
			throw FormData.invalid("点评日期", "必须在最后一轮承诺截止之后、总结提升结束之前");
		}
		int quotaOrganizations = form.number(QUOTA_ORGANIZATIONS, "先进团组织名额", 0, 1000);
		int quotaMembers = form.number(QUOTA_MEMBERS, "优秀团员名额", 0, 100000);
		int quotaPerBranch = form.number(QUOTA_MEMBERS_PER_BRANCH, "每个团支部推荐优秀团员名额", 0, 100);
		return new Plan(title, theme, standardSet, start, mobilizationEnd, advanceEnd, summaryEnd, window, rounds,
				reviewDate, quotaOrganizations, quotaMembers, quotaPerBranch, pledgeNames);
	}

	/**
	 * Checks the date of a meeting a branch reports as held (动员大会, 团员大会): not before the
	 * campaign began, not in the future.
	 */
	public void checkMeetingHeld(LocalDate meeting, String label) {
		if (meeting.isBefore(this.campaignStart)) {
			throw FormData.invalid(label, "不能早于活动的动员部署开始日期（" + this.campaignStart + "）");
		}
		if (meeting.isAfter(LocalDate.now())) {
			throw FormData.invalid(label, "不能是将来的日期：请在会后填写");
		}
	}

	/** The plan in a few lines, as the higher committee reads it in ApprovePlan. */
	String summary(String committeeName, String standardSetName) {
		StringBuilder sb = new StringBuilder();
		// plain text (shown in a disabled text area of ApprovePlan): the title and themes
		// are
		// what the committee wrote
		sb.append(this.title).append("（").append(committeeName).append("）\n\n");
		sb.append("主题：").append(this.theme).append("\n\n");
		sb.append("标准：").append(standardSetName).append("\n\n");
		sb.append("动员部署：").append(this.campaignStart).append(" 至 ").append(this.mobilizationEnd);
		sb.append("；全面推进：至 ").append(this.advanceEnd).append("；总结提升：至 ").append(this.summaryEnd).append("\n\n");
		sb.append("公开承诺：动员后 ").append(this.pledgeWindowDays).append(" 天内\n\n");
		for (Round round : this.rounds) {
			sb.append("第")
				.append(round.number())
				.append("轮：")
				.append(round.theme())
				.append("（至 ")
				.append(round.endDate())
				.append("）\n\n");
		}
		sb.append("公开承诺：").append(namesShown() ? "公开团员姓名及个人承诺" : "只公开承诺人数，不公开团员姓名").append("\n\n");
		sb.append("点评日期：").append(this.reviewDate).append("\n\n");
		sb.append("名额：先进团组织 ")
			.append(this.quotaOrganizations)
			.append(" 个，优秀团员 ")
			.append(this.quotaMembers)
			.append(" 名（每支部推荐 ")
			.append(this.quotaMembersPerBranch)
			.append(" 名）");
		return sb.toString();
	}

}
