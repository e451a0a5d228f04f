package org.cyl.excellence.branch;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.organization.Member;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecommendMembers} (推荐优秀团员) of BranchCampaignProcess: the secretary records
 * the branch's all-member meeting (001 篇九) — members entitled to vote, members present,
 * each candidate's yes votes. Refused, each with its own message: present not more than
 * two thirds of those entitled; votes beyond those present; a candidate with yes votes
 * not more than half of those entitled; more candidates than the branch's quota in the
 * plan.
 */
@Component
class RecommendationListener implements TaskListener {

	static final int MAX_CANDIDATES = 5;

	private final Campaigns campaigns;

	private final OrganizationDirectory organizations;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	RecommendationListener(Campaigns campaigns, OrganizationDirectory organizations, JdbcClient jdbc,
			CurrentUser currentUser) {
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String campaignId = (String) task.getVariable(CampaignVariables.CAMPAIGN_ID);
		String branch = (String) task.getVariable(BranchVariables.BRANCH_CODE);
		List<Member> members = this.organizations.members(branch);
		int quota = Math.min(MAX_CANDIDATES,
				this.campaigns.find(campaignId).orElseThrow().plan().quotaMembersPerBranch());
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			List<Map<String, Object>> options = new ArrayList<>();
			for (Member member : members) {
				options
					.add(Map.of("label", member.name() + (member.cadre() ? "（团干部）" : ""), "value", member.leagueNo()));
			}
			task.setVariableLocal("memberOptions", FormData.jsonVariable(options));
			task.setVariableLocal("memberQuota", quota);
			FormData.freshInputs(task, "entitled", "present", "meetingDate");
			FormData.clearPerItem(task, true, "candidate", "votes");
			return;
		}
		FormData form = new FormData(task);
		LocalDate meeting = form.date("meetingDate", "团员大会日期");
		this.campaigns.find(campaignId).orElseThrow().plan().checkMeetingHeld(meeting, "团员大会日期");
		int entitled = form.number("entitled", "应到人数", 1, members.size());
		int present = form.number("present", "实到人数", 0, entitled);
		if (present * 3 <= entitled * 2) {
			throw FormData.invalid("实到人数", "须超过应到人数的三分之二（应到 " + entitled + " 人，实到 " + present + " 人），会议无效");
		}
		Map<String, String> names = new LinkedHashMap<>();
		members.forEach((m) -> names.put(m.leagueNo(), m.name()));
		Map<String, Integer> votes = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (int i = 1; i <= MAX_CANDIDATES; i++) {
			String candidate = form.optionalText("candidate" + i, "第 " + i + " 名候选人", 32);
			if (candidate == null) {
				continue;
			}
			if (!names.containsKey(candidate)) {
				throw FormData.invalid("第 " + i + " 名候选人", "不是本支部团员");
			}
			if (!seen.add(candidate)) {
				throw FormData.invalid("第 " + i + " 名候选人", "（" + names.get(candidate) + "）重复");
			}
			String who = names.get(candidate);
			int yes = form.number("votes" + i, who + "的得票数", 0, 10000);
			if (yes > present) {
				throw FormData.invalid(who + "的得票数", "（" + yes + "）超过实到人数（" + present + "）");
			}
			if (yes * 2 <= entitled) {
				throw FormData.invalid(who + "的得票数", "（" + yes + "）未超过应到人数的半数（" + entitled + " 人），不能推荐");
			}
			votes.put(candidate, yes);
		}
		if (votes.size() > quota) {
			throw FormData.invalid("候选人", "共 " + votes.size() + " 名，超过本支部推荐名额（" + quota + " 名）");
		}
		String author = this.currentUser.idOr(task.getAssignee());
		for (Map.Entry<String, Integer> vote : votes.entrySet()) {
			this.jdbc
				.sql("""
						insert into member_recommendation (campaign_id, branch_code, league_no, yes_votes, entitled, present,
						  meeting_date, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(campaignId, branch, vote.getKey(), vote.getValue(), entitled, present, meeting, author,
						Timestamp.from(Instant.now()))
				.update();
		}
	}

}
