package org.cyl.excellence.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.appraisal.AppraisalDirectory;
import org.cyl.excellence.appraisal.AppraisalDirectory.AppraisalLink;
import org.cyl.excellence.branch.BranchStages;
import org.cyl.excellence.branch.BranchVariables;
import org.cyl.excellence.campaign.Campaign;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.commendation.Commendations;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.OrganizationType;
import org.cyl.excellence.organization.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * What 工作台 shows beside the tasks and notices: the person's organisations (a branch's
 * stage in each running campaign, a committee's campaigns and tools, a Party reviewer's
 * organisations) and the public pages that concern them. Every list is a count and its
 * first few, whatever the size of the committee; what the person may not open is not
 * listed.
 */
@Service
class Workbench {

	/** How many entries a list of 工作台 shows; the rest are counted. */
	static final int FIRST = 5;

	private final OrganizationDirectory organizations;

	private final Campaigns campaigns;

	private final AppraisalDirectory appraisals;

	private final Commendations commendations;

	private final TaskService taskService;

	Workbench(OrganizationDirectory organizations, Campaigns campaigns, AppraisalDirectory appraisals,
			Commendations commendations, TaskService taskService) {
		this.organizations = organizations;
		this.campaigns = campaigns;
		this.appraisals = appraisals;
		this.commendations = commendations;
		this.taskService = taskService;
	}

	/** A link as 工作台 shows it. */
	record Link(String label, String url) {
	}

	/**
	 * A branch's part in a running campaign.
	 *
	 * @param unsigned for its secretary: the members who have not yet signed the current
	 * pledge (null for others)
	 * @param publicUrl the public page of the branch's pledges (公开承诺, no login)
	 * @param posterUrl for its secretary: the wall poster (PDF with the public page's QR
	 * code; null for others)
	 * @param suggestionsUrl for its secretary: the youth's suggestions to answer (null
	 * for others)
	 */
	record BranchCampaign(String campaignId, String title, String stage, String recordUrl, String pledgesUrl,
			List<String> unsigned, String publicUrl, String posterUrl, String suggestionsUrl) {
	}

	record BranchCard(String code, String name, boolean secretary, List<BranchCampaign> campaigns) {
	}

	/** A campaign of a committee, with how many of its branches have finished. */
	record CommitteeCampaign(String id, String title, String status, int branches, int finished, String dashboardUrl,
			String appraisalsUrl) {
	}

	record CommendationCard(String title, String stage, List<Link> links) {
	}

	record CommitteeCard(String code, String name, List<CommitteeCampaign> campaigns, int campaignCount,
			String overdueUrl, String bulletinUrl, List<CommendationCard> commendations) {
	}

	record ReviewerCard(String code, String name, List<Link> organizations, int organizationCount) {
	}

	/** The person's organisations, what they organise and the public pages. */
	record Organisations(List<BranchCard> branches, List<CommitteeCard> committees, List<AppraisalLink> organized,
			int organizedCount, List<ReviewerCard> reviewers, List<Link> publicPages) {

		public boolean isEmpty() {
			return this.branches.isEmpty() && this.committees.isEmpty() && this.organized.isEmpty()
					&& this.reviewers.isEmpty();
		}

	}

	Organisations of(Authentication auth) {
		String user = auth.getName();
		List<BranchCard> branches = branches(user);
		Set<String> committeeCodes = new LinkedHashSet<>();
		for (Role role : List.of(Role.SECRETARY, Role.COMMITTEE, Role.MANAGER)) {
			for (String code : this.organizations.organizationsWhere(user, role)) {
				this.organizations.find(code)
					.filter((o) -> o.type() != OrganizationType.BRANCH && o.type() != OrganizationType.PARTY)
					.ifPresent((o) -> committeeCodes.add(o.code()));
			}
		}
		List<CommitteeCard> committees = committees(committeeCodes);
		List<AppraisalLink> organized = this.appraisals.organizedBy(auth);
		List<ReviewerCard> reviewers = reviewers(user);
		return new Organisations(branches, committees, first(organized), organized.size(), reviewers,
				publicPages(auth, user, branches, committeeCodes));
	}

	/** The branches the person is a member or the secretary of. */
	private List<BranchCard> branches(String user) {
		Set<String> codes = new LinkedHashSet<>();
		this.organizations.memberByUsername(user).ifPresent((m) -> codes.add(m.orgCode()));
		List<String> secretaryOf = this.organizations.organizationsWhere(user, Role.SECRETARY);
		codes.addAll(secretaryOf);
		List<BranchCard> cards = new ArrayList<>();
		for (String code : codes) {
			Organization org = this.organizations.find(code).orElse(null);
			if (org == null || org.type() != OrganizationType.BRANCH) {
				continue;
			}
			boolean secretary = secretaryOf.contains(code);
			List<Campaigns.Running> running = this.campaigns.running(List.of(code));
			Map<String, String> stages = new LinkedHashMap<>();
			this.campaigns.stagesIn(running.stream().map(Campaigns.Running::id).toList(), List.of(code))
				.forEach((s) -> stages.put(s.campaignId(), s.stage()));
			List<BranchCampaign> parts = new ArrayList<>();
			for (Campaigns.Running c : running) {
				String base = "/campaigns/" + c.id() + "/branches/" + code;
				parts.add(new BranchCampaign(c.id(), c.title(), BranchStages.label(stages.get(c.id())),
						base + "/record", base + "/pledges", secretary ? unsigned(c.id(), code) : null,
						"/public/campaigns/" + c.id() + "/branches/" + code,
						secretary ? base + "/pledges/poster.pdf" : null, secretary ? base + "/suggestions" : null));
			}
			cards.add(new BranchCard(code, org.name(), secretary, parts));
		}
		return cards;
	}

	/**
	 * The members whose 签订个人承诺 is still open in the branch's process: those who have not
	 * yet signed the current pledge.
	 */
	private List<String> unsigned(String campaignId, String branchCode) {
		Optional<String> pid = this.campaigns.branchProcessInstance(campaignId, branchCode);
		if (pid.isEmpty()) {
			return List.of();
		}
		return this.taskService.createTaskQuery()
			.processInstanceId(pid.get())
			.taskDefinitionKey(BranchVariables.SIGN_MEMBER_PLEDGE_TASK)
			.orderByTaskAssignee()
			.asc()
			.list()
			.stream()
			.map(Task::getAssignee)
			.filter((a) -> a != null)
			.map(this.organizations::displayName)
			.toList();
	}

	private List<CommitteeCard> committees(Set<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		List<CommitteeCard> cards = new ArrayList<>();
		List<Campaign> all = this.campaigns.findAll();
		for (String code : codes) {
			Organization org = this.organizations.find(code).orElseThrow();
			List<Campaign> own = all.stream().filter((c) -> code.equals(c.committeeCode())).toList();
			List<CommitteeCampaign> shown = new ArrayList<>();
			for (Campaign c : first(own)) {
				Map<String, Integer> stages = this.campaigns.stageCounts(c.id());
				int branches = stages.values().stream().mapToInt(Integer::intValue).sum();
				shown.add(new CommitteeCampaign(c.id(), c.plan().title(), campaignStatus(c.status()), branches,
						stages.getOrDefault("FINISHED", 0), "/campaigns/" + c.id() + "/dashboard",
						"/appraisals?campaign=" + c.id()));
			}
			Map<String, String> titles = this.campaigns.titles(own.stream().map(Campaign::id).toList());
			List<CommendationCard> commendations = this.commendations.ofCommittees(List.of(code), FIRST)
				.stream()
				.map((s) -> new CommendationCard(titles.getOrDefault(s.campaignId(), s.campaignId()), s.stage(),
						commendationLinks(s)))
				.toList();
			cards.add(new CommitteeCard(code, org.name(), shown, own.size(), "/supervision/" + code + "/overdue",
					"/supervision/" + code + "/bulletin", commendations));
		}
		return cards;
	}

	private static List<Link> commendationLinks(Commendations.Summary s) {
		List<Link> links = new ArrayList<>();
		links.add(new Link("候选对象（Excel）", s.candidatesUrl()));
		if (s.noticeUrl() != null) {
			links.add(new Link("公示", s.noticeUrl()));
		}
		if (s.decisionUrl() != null) {
			links.add(new Link("表彰决定", s.decisionUrl()));
		}
		return links;
	}

	/**
	 * The Party organisations the person reviews for, with the organisations they
	 * co-review.
	 */
	private List<ReviewerCard> reviewers(String user) {
		List<String> parties = this.organizations.organizationsWhere(user, Role.REVIEWER);
		if (parties.isEmpty()) {
			return List.of();
		}
		Map<String, Organization> all = this.organizations.byCode();
		List<ReviewerCard> cards = new ArrayList<>();
		for (String party : parties) {
			List<Organization> reviewed = all.values()
				.stream()
				.filter((o) -> party.equals(o.partyOrgCode()))
				.sorted(Comparator.comparing(Organization::code))
				.toList();
			List<String> branchCodes = first(reviewed).stream()
				.filter((o) -> o.type() == OrganizationType.BRANCH)
				.map(Organization::code)
				.toList();
			// a co-reviewed branch's record in each running campaign; other
			// organisations: their campaigns' progress
			Map<String, String> records = new LinkedHashMap<>();
			List<String> running = this.campaigns.running(branchCodes).stream().map(Campaigns.Running::id).toList();
			this.campaigns.stagesIn(running, branchCodes)
				.forEach((s) -> records.putIfAbsent(s.branchCode(),
						"/campaigns/" + s.campaignId() + "/branches/" + s.branchCode() + "/record"));
			List<Link> links = first(reviewed).stream()
				.map((o) -> new Link(o.name() + "（" + o.type().label() + "）",
						records.getOrDefault(o.code(), "/campaigns")))
				.toList();
			String name = Optional.ofNullable(all.get(party)).map(Organization::name).orElse(party);
			cards.add(new ReviewerCard(party, name, links, reviewed.size()));
		}
		return cards;
	}

	/**
	 * The public pages that concern the person: the ballots open for their organisation
	 * (the appraisal's results page, where the organisers also find the ballot sheet),
	 * and the public notices (公示) and decisions (表彰决定) of the committees on their line.
	 */
	private List<Link> publicPages(Authentication auth, String user, List<BranchCard> branches,
			Set<String> committees) {
		List<Link> links = new ArrayList<>();
		this.appraisals.concerning(auth)
			.stream()
			.filter((a) -> "评议中".equals(a.status()))
			.limit(FIRST)
			.forEach((a) -> links.add(new Link("群众评议进行中：" + a.subject() + "（" + a.campaignTitle() + "）",
					(a.ballotsUrl() != null) ? a.ballotsUrl() : a.resultsUrl())));
		Set<String> line = new LinkedHashSet<>();
		branches.forEach((b) -> line.addAll(above(b.code())));
		committees.forEach((c) -> line.addAll(above(c)));
		this.organizations.organizationsWhere(user, Role.COMMITTEE).forEach((c) -> line.addAll(above(c)));
		List<Commendations.Summary> found = this.commendations.ofCommittees(line, FIRST);
		Map<String, String> titles = this.campaigns
			.titles(found.stream().map(Commendations.Summary::campaignId).toList());
		for (Commendations.Summary s : found) {
			String title = titles.getOrDefault(s.campaignId(), "");
			if (s.decisionUrl() != null) {
				links.add(new Link("表彰决定：" + title, s.decisionUrl()));
			}
			if (s.noticeUrl() != null) {
				links.add(new Link("公示：" + title, s.noticeUrl()));
			}
		}
		return links;
	}

	/** The organisation and those above it, up the line (a few rows). */
	private List<String> above(String code) {
		List<String> line = new ArrayList<>();
		Optional<Organization> o = this.organizations.find(code);
		while (o.isPresent() && line.size() < 20) {
			line.add(o.get().code());
			o = (o.get().parentCode() != null) ? this.organizations.find(o.get().parentCode()) : Optional.empty();
		}
		return line;
	}

	static String campaignStatus(String status) {
		return switch (status) {
			case "PLANNED" -> "方案审批中";
			case "APPROVED" -> "已批准";
			case "RUNNING" -> "进行中";
			case "COMPLETED" -> "已结束";
			case "WITHDRAWN" -> "已撤销";
			default -> status;
		};
	}

	private static <T> List<T> first(List<T> list) {
		return (list.size() > FIRST) ? list.subList(0, FIRST) : list;
	}

}
