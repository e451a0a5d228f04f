package org.cyl.excellence.partyrecommendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cyl.excellence.organization.MemberProfile;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.BranchRun;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.Candidate;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.Launch;
import org.cyl.excellence.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the committee's pages show and who may see it: a round of 推优入党 is seen by the
 * committee members of its committee and of the committees above (and administrators); a
 * member's 推荐表 by those of the committees above the member's branch.
 */
@Component
class PartyRecommendationPages {

	static final Map<String, String> BRANCH_STATUS = Map.of("PROPOSING", "提出人选", "AGREEING", "审核人选", "MEETING",
			"召开推优大会", "CHECKING", "考察人选", "NOTICE", "公示", "DONE", "已推荐", "NONE", "本次无推荐");

	static final Map<String, String> CANDIDATE_STATUS = Map.of("PROPOSED", "已提名", "PASSED", "得票通过", "NOT_PASSED",
			"得票未过半", "DROPPED", "考察未通过", "NOTICED", "公示中", "REMOVED", "异议属实已取消", "RECOMMENDED", "已推荐");

	private final PartyRecommendationRepository repository;

	private final OrganizationDirectory organizations;

	PartyRecommendationPages(PartyRecommendationRepository repository, OrganizationDirectory organizations) {
		this.repository = repository;
		this.organizations = organizations;
	}

	private static boolean isAdmin(Authentication auth) {
		return auth.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

	/** Whether the person is a committee member at the organisation or one above it. */
	boolean oversees(Authentication auth, String orgCode) {
		if (isAdmin(auth)) {
			return true;
		}
		Set<String> mine = new HashSet<>(this.organizations.organizationsWhere(auth.getName(), Role.COMMITTEE));
		Map<String, Organization> byCode = this.organizations.byCode();
		for (Organization o = byCode.get(orgCode); o != null; o = (o.parentCode() != null) ? byCode.get(o.parentCode())
				: null) {
			if (mine.contains(o.code())) {
				return true;
			}
		}
		return false;
	}

	/** The rounds the person may see, the latest first. */
	List<Launch> launches(Authentication auth) {
		Map<String, Organization> byCode = this.organizations.byCode();
		List<String> committees = byCode.keySet().stream().filter((code) -> oversees(auth, code)).toList();
		return this.repository.launchesOf(committees);
	}

	Launch launch(Authentication auth, long id) {
		Launch launch = this.repository.launch(id).orElseThrow(() -> new NotFoundException("推优工作 " + id + " 不存在"));
		if (!oversees(auth, launch.committeeCode())) {
			throw new AccessDeniedException("无权查看该推优工作");
		}
		return launch;
	}

	String name(String code) {
		return this.organizations.find(code).map(Organization::name).orElse(code);
	}

	/** The round's branches, each with its candidates, as the page shows them. */
	List<Map<String, Object>> branches(Launch launch) {
		Map<String, List<Candidate>> byBranch = new LinkedHashMap<>();
		this.repository.candidatesOfLaunch(launch.id())
			.forEach((c) -> byBranch.computeIfAbsent(c.processInstanceId(), (k) -> new ArrayList<>()).add(c));
		List<Map<String, Object>> out = new ArrayList<>();
		for (BranchRun b : this.repository.branchesOf(launch.id())) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("code", b.branchCode());
			m.put("name", name(b.branchCode()));
			m.put("status", BRANCH_STATUS.getOrDefault(b.status(), b.status()));
			m.put("meeting", (b.meetingDate() == null) ? ""
					: b.meetingDate() + "，应到 " + b.entitled() + " 人，实到 " + b.present() + " 人");
			m.put("notice", b.noticeFrom() != null);
			m.put("pid", b.processInstanceId());
			m.put("candidates",
					byBranch.getOrDefault(b.processInstanceId(), List.of())
						.stream()
						.map(PartyRecommendationPages::candidate)
						.toList());
			out.add(m);
		}
		return out;
	}

	static Map<String, Object> candidate(Candidate c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("name", c.memberName());
		m.put("leagueNo", c.leagueNo());
		m.put("status", CANDIDATE_STATUS.getOrDefault(c.status(), c.status()));
		m.put("votes", c.yesVotes());
		m.put("reason", c.statusReason());
		m.put("validUntil", c.validUntil());
		m.put("recommended", "RECOMMENDED".equals(c.status()));
		return m;
	}

	/** The rows of the round's export, one per candidate. */
	List<Object[]> rows(Launch launch) {
		Map<String, BranchRun> runs = new LinkedHashMap<>();
		this.repository.branchesOf(launch.id()).forEach((b) -> runs.put(b.processInstanceId(), b));
		List<Object[]> rows = new ArrayList<>();
		for (Candidate c : this.repository.candidatesOfLaunch(launch.id())) {
			BranchRun b = runs.get(c.processInstanceId());
			rows.add(new Object[] { name(c.branchCode()), c.branchCode(), c.memberName(), c.leagueNo(),
					c.stage().label(), CANDIDATE_STATUS.getOrDefault(c.status(), c.status()), b.entitled(), b.present(),
					c.yesVotes(), (c.statusReason() == null) ? "" : c.statusReason(),
					(c.recommendedOn() == null) ? "" : c.recommendedOn().toString(),
					(c.validUntil() == null) ? "" : c.validUntil().toString(),
					(c.partyOrgCode() == null) ? "" : name(c.partyOrgCode()),
					(b.issueNo() == null) ? "" : b.issueNo() });
		}
		return rows;
	}

	static final String[] COLUMNS = { "团支部", "团支部代码", "姓名", "团员编号", "推优阶段", "状态", "应到人数", "实到人数", "赞成票", "说明", "推荐日期",
			"有效期至", "推荐至党组织", "推荐文号" };

	/** A recommended member's 推荐表. */
	byte[] form(Authentication auth, long id) {
		Candidate c = this.repository.candidate(id)
			.filter((x) -> "RECOMMENDED".equals(x.status()))
			.orElseThrow(() -> new NotFoundException("推荐 " + id + " 不存在或尚未出具"));
		if (!oversees(auth, c.branchCode())) {
			throw new AccessDeniedException("无权查看该推荐表");
		}
		BranchRun b = this.repository.branch(c.processInstanceId()).orElseThrow();
		MemberProfile m = this.organizations.memberProfiles(c.branchCode())
			.stream()
			.filter((p) -> p.leagueNo().equals(c.leagueNo()))
			.findFirst()
			.orElse(null);
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "姓名", c.memberName() });
		rows.add(new String[] { "团员编号", c.leagueNo() });
		rows.add(new String[] { "所在团支部", name(c.branchCode()) });
		rows.add(new String[] { "出生日期", date(m == null ? null : m.birthDate()) });
		rows.add(new String[] { "入团日期", date(m == null ? null : m.joinedLeagueOn()) });
		rows.add(new String[] { "递交入党申请书日期", date(m == null ? null : m.partyAppliedOn()) });
		rows.add(new String[] { "推优阶段", c.stage().label() });
		rows.add(new String[] { "推优大会", b.meetingDate() + "，应到 " + b.entitled() + " 人，实到 " + b.present() + " 人" });
		rows.add(new String[] { "无记名投票", "赞成 " + c.yesVotes() + " 票（超过应到人数的半数）" });
		rows.add(new String[] { "支部委员会考察意见", (c.statusReason() == null) ? "同意推荐" : c.statusReason() });
		rows.add(new String[] { "公示", b.noticeFrom() + " 至 " + b.noticeUntil() + "（工作日），无异议或异议不属实" });
		rows.add(new String[] { "有效期", c.recommendedOn() + " 至 " + c.validUntil() });
		String committee = name(b.committeeCode());
		return RecommendationFormPdf.render(new RecommendationFormPdf.Form(committee,
				"推荐优秀团员作" + c.stage().label() + "人选推荐表", rows, name(c.partyOrgCode()), b.issueNo(), c.recommendedOn()));
	}

	private static String date(LocalDate d) {
		return (d == null) ? "未登记" : d.toString();
	}

}
