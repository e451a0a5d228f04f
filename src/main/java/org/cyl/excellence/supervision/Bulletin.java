package org.cyl.excellence.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.appraisal.Appraisals;
import org.cyl.excellence.branch.BranchStages;
import org.cyl.excellence.branch.Pledges;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.Opinions;
import org.cyl.excellence.documents.ChineseText;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.supervision.OverdueList.OverdueTask;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The supervision bulletin (督查通报) of a committee for a period, for
 * {@link SupervisionController}: read from the records of the committee's subtree — the
 * stage and pledges of every branch in each running campaign now, the tasks that went
 * overdue in the period (and those still overdue now), the urges (催办), the reviews that
 * ordered a rectification (限期整改) and the mass appraisals closed in the period — with the
 * organisations criticised (通报批评: an appraisal that came to 差, or a rectification ordered
 * by a review) and those praised (表扬: finished, or appraised 好) — and where the standing
 * duties stand ({@link StandingDuties}). Who may read it is who may read the overdue
 * list.
 */
@Service
class Bulletin {

	/** The longest period one bulletin covers. */
	static final int LONGEST_PERIOD_DAYS = 366;

	private static final Map<String, String> REVIEWERS = Map.of("COMMITTEE_REVIEW", "团委", "PARTY_REVIEW", "党组织");

	private static final ObjectMapper json = new ObjectMapper();

	private final OverdueList overdue;

	private final OrganizationDirectory organizations;

	private final Campaigns campaigns;

	private final Opinions opinions;

	private final Pledges pledges;

	private final Appraisals appraisals;

	private final StandingDuties duties;

	private final TaskPlaces places;

	private final JdbcClient jdbc;

	private final Clock clock;

	Bulletin(OverdueList overdue, OrganizationDirectory organizations, Campaigns campaigns, Opinions opinions,
			Pledges pledges, Appraisals appraisals, StandingDuties duties, TaskPlaces places, JdbcClient jdbc) {
		this.duties = duties;
		this.places = places;
		this.overdue = overdue;
		this.organizations = organizations;
		this.campaigns = campaigns;
		this.opinions = opinions;
		this.pledges = pledges;
		this.appraisals = appraisals;
		this.jdbc = jdbc;
		this.clock = Clock.systemDefaultZone();
	}

	/**
	 * A running campaign with branches in the subtree: how many, and how many of them are
	 * at each stage (BranchStages' labels, in their order).
	 */
	record RunningCampaign(String campaignId, String title, String committee, int branches,
			Map<String, Integer> stages) {
	}

	/** A branch in one running campaign: its stage and its last round's pledges. */
	record CampaignState(String campaignId, String campaignTitle, String stage, Integer round, int signed,
			int members) {
	}

	/**
	 * A branch in the period: where it stands in each running campaign, how many of its
	 * tasks went overdue in the period and are overdue now, how often it was urged, how
	 * many reviews ordered it to rectify, the grade of its mass appraisal closed in the
	 * period (null if none), and whether it is criticised.
	 */
	record BranchRow(String code, String name, List<CampaignState> campaigns, int overdueInPeriod, int overdueNow,
			int urges, int rectifyOrders, String appraisalGrade, boolean criticised) {
	}

	/** The branches of one 团总支 (or of the committee directly). */
	record Group(String code, String name, List<BranchRow> branches) {
	}

	/**
	 * An organisation criticised: by a mass appraisal ({@code APPRAISAL}) or a review
	 * ordering a rectification ({@code REVIEW}), why, and by when it must rectify.
	 */
	record Criticism(String orgCode, String organization, String parent, String campaignTitle, String kind,
			String reason, LocalDate deadline, LocalDateTime at) {
	}

	record Praise(String orgCode, String organization, String parent, String reason) {
	}

	/**
	 * The figures of the period; {@code stages} counts a branch once in every running
	 * campaign it takes part in (each campaign's own counts are in its RunningCampaign).
	 */
	record Overview(int campaignsRunning, int branches, Map<String, Integer> stages, int overdueInPeriod,
			int overdueNow, int urges, int rectifyOrders, int appraisalsClosed, int criticised, int praised) {
	}

	record Notice(String committeeCode, String committee, LocalDate from, LocalDate to, String period,
			LocalDate issuedOn, String title, Overview overview, List<RunningCampaign> campaigns, List<Group> groups,
			List<Criticism> criticisms, List<Praise> praises, List<StandingDuties.Duty> duties) {
	}

	/**
	 * The period asked for: {@code from} and {@code to} as yyyy-MM-dd, both days
	 * included; without them the current month to date (without one, the month of the
	 * other).
	 * @throws IllegalArgumentException (400) for a date that is no date, a start after
	 * the end, or a period longer than a year
	 */
	LocalDate[] period(String from, String to) {
		LocalDate today = LocalDate.now(this.clock);
		LocalDate end = blank(to) ? null : date(to, "截止日期");
		LocalDate start = blank(from) ? null : date(from, "起始日期");
		if (start == null && end == null) {
			return new LocalDate[] { today.withDayOfMonth(1), today };
		}
		if (start == null) {
			start = end.withDayOfMonth(1);
		}
		if (end == null) {
			end = start.withDayOfMonth(start.lengthOfMonth());
		}
		if (start.isAfter(end)) {
			throw new IllegalArgumentException("起始日期不能晚于截止日期");
		}
		if (start.plusDays(LONGEST_PERIOD_DAYS).isBefore(end.plusDays(1))) {
			throw new IllegalArgumentException("通报期间不能超过一年");
		}
		return new LocalDate[] { start, end };
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static LocalDate date(String text, String label) {
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(label + "格式不正确，应为 yyyy-MM-dd：" + text);
		}
	}

	Notice of(String committeeCode, String fromText, String toText, Authentication reader) {
		Organization committee = this.overdue.supervised(committeeCode, reader, "督查通报");
		LocalDate[] asked = period(fromText, toText);
		LocalDate from = asked[0];
		LocalDate to = asked[1];
		Timestamp start = Timestamp.valueOf(from.atStartOfDay());
		Timestamp end = Timestamp.valueOf(to.plusDays(1).atStartOfDay());

		List<String> branchCodes = this.organizations.branchesBelow(committeeCode);
		Map<String, Organization> orgs = this.organizations.byCode();
		List<String> keys = branchCodes.isEmpty() ? List.of("") : branchCodes;
		LocalDateTime startAt = from.atStartOfDay();
		LocalDateTime endAt = to.plusDays(1).atStartOfDay();

		Map<String, Integer> stageCounts = stageCounts();
		Map<String, Map<String, Integer>> campaignStages = new LinkedHashMap<>();
		List<Campaigns.Running> running = this.campaigns.running(branchCodes);
		running.forEach((c) -> campaignStages.put(c.id(), stageCounts()));
		Map<String, String> titles = new HashMap<>();
		running.forEach((c) -> titles.put(c.id(), c.title()));
		List<String> campaignIds = List.copyOf(campaignStages.keySet());

		Map<String, Integer> members = this.organizations.memberCounts(branchCodes);
		Map<String, List<CampaignState>> states = new HashMap<>();
		Map<String, int[]> pledges = new HashMap<>();
		for (Pledges.LastRound last : this.pledges.lastRoundsIn(campaignIds, branchCodes)) {
			pledges.put(last.campaignId() + "/" + last.branchCode(), new int[] { last.round(), last.signed() });
		}
		for (Campaigns.BranchStage row : this.campaigns.stagesIn(campaignIds, branchCodes)) {
			String campaign = row.campaignId();
			String branch = row.branchCode();
			String stage = BranchStages.label(row.stage());
			stageCounts.merge(stage, 1, Integer::sum);
			campaignStages.get(campaign).merge(stage, 1, Integer::sum);
			int[] pledge = pledges.get(campaign + "/" + branch);
			states.computeIfAbsent(branch, (b) -> new ArrayList<>())
				.add(new CampaignState(campaign, titles.get(campaign), stage, (pledge != null) ? pledge[0] : null,
						(pledge != null) ? pledge[1] : 0, members.getOrDefault(branch, 0)));
		}
		List<RunningCampaign> campaigns = running.stream()
			.map((c) -> new RunningCampaign(c.id(), c.title(),
					Optional.ofNullable(orgs.get(c.committeeCode())).map(Organization::name).orElse(c.committeeCode()),
					c.branches(), campaignStages.get(c.id())))
			.toList();

		Map<String, Integer> overdueInPeriod = counts(
				"""
						select branch_code, count(*) from overdue_task
						where branch_code in (:branches) and recorded_at >= :start and recorded_at < :end group by branch_code""",
				keys, start, end);
		Map<String, Integer> overdueNow = new HashMap<>();
		for (OverdueTask task : this.overdue.of(committeeCode, reader).tasks()) {
			overdueNow.merge(task.orgCode(), 1, Integer::sum);
		}
		Map<String, Integer> urges = counts("""
				select org_code, count(*) from urge
				where org_code in (:branches) and urged_at >= :start and urged_at < :end group by org_code""",
				subtree(committeeCode, branchCodes, orgs), start, end);

		List<Criticism> criticisms = new ArrayList<>();
		Map<String, Integer> rectifyOrders = new HashMap<>();
		for (Opinions.RectifyOrder order : this.opinions.rectifyOrders(branchCodes, startAt, endAt)) {
			String branch = order.branchCode();
			rectifyOrders.merge(branch, 1, Integer::sum);
			String reviewer = REVIEWERS.getOrDefault(order.kind(), "上级");
			String problems = problems(order.content());
			criticisms.add(new Criticism(branch, name(orgs, branch), parentName(orgs, branch), order.campaignTitle(),
					"REVIEW", reviewer + "领导点评责令限期整改" + (blank(problems) ? "" : "（" + problems + "）"), order.deadline(),
					order.at()));
		}

		List<Praise> praises = new ArrayList<>();
		Map<String, String> grades = new HashMap<>();
		List<Appraisals.Closed> closed = this.appraisals.closedBetween(branchCodes, startAt, endAt);
		Map<String, String> appraisalTitles = this.campaigns.titles(closed.stream()
			.map(Appraisals.Closed::campaignId)
			.filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet()));
		for (Appraisals.Closed a : closed) {
			String branch = a.orgCode();
			String grade = a.grade();
			if (grade != null) {
				grades.put(branch, grade);
			}
			String rates = "满意率" + percent(a.satisfaction()) + "，不满意率" + percent(a.dissatisfaction());
			if ("CRITICISE".equals(a.outcome())) {
				criticisms.add(new Criticism(branch, name(orgs, branch), parentName(orgs, branch),
						(a.campaignId() != null) ? appraisalTitles.get(a.campaignId()) : null, "APPRAISAL",
						"群众评议" + rates + "，评定为“差”，责令限期整改", null, a.closedAt()));
			}
			else if ("好".equals(grade)) {
				praises
					.add(new Praise(branch, name(orgs, branch), parentName(orgs, branch), "群众评议" + rates + "，评定为“好”"));
			}
		}
		for (Campaigns.Finished finished : this.campaigns.finishedBetween(branchCodes, startAt, endAt)) {
			String branch = finished.branchCode();
			praises.add(new Praise(branch, name(orgs, branch), parentName(orgs, branch),
					"完成" + finished.campaignTitle() + "各阶段工作"));
		}
		criticisms.sort((a, b) -> a.at().compareTo(b.at()));

		Map<String, Group> groups = new LinkedHashMap<>();
		List<String> criticised = criticisms.stream().map(Criticism::orgCode).distinct().toList();
		for (String code : branchCodes) {
			Organization branch = orgs.get(code);
			String parentCode = (branch != null && branch.parentCode() != null) ? branch.parentCode() : committeeCode;
			Group group = groups.computeIfAbsent(parentCode, (p) -> new Group(p,
					Optional.ofNullable(orgs.get(p)).map(Organization::name).orElse(p), new ArrayList<>()));
			group.branches()
				.add(new BranchRow(code, name(orgs, code), states.getOrDefault(code, List.of()),
						overdueInPeriod.getOrDefault(code, 0), overdueNow.getOrDefault(code, 0),
						urges.getOrDefault(code, 0), rectifyOrders.getOrDefault(code, 0), grades.get(code),
						criticised.contains(code)));
		}
		Overview overview = new Overview(campaigns.size(), branchCodes.size(), stageCounts, sum(overdueInPeriod),
				sum(overdueNow), sum(urges), sum(rectifyOrders), closed.size(), criticised.size(),
				(int) praises.stream().map(Praise::orgCode).distinct().count());
		String period = periodText(from, to);
		String title = "关于" + period + "创先争优活动推进情况的通报";
		List<StandingDuties.Duty> duties = this.duties.in(committeeCode, start, end, this.places.tree())
			.stream()
			.map(StandingDuties.Duty::figures)
			.toList();
		return new Notice(committee.code(), committee.name(), from, to, period, LocalDate.now(this.clock), title,
				overview, campaigns, List.copyOf(groups.values()), criticisms, praises, duties);
	}

	/**
	 * 2026年3月 for a calendar month, 2026年3月1日至3月15日 (or across years with the year)
	 * otherwise.
	 */
	static String periodText(LocalDate from, LocalDate to) {
		if (from.getDayOfMonth() == 1 && to.equals(from.withDayOfMonth(from.lengthOfMonth()))) {
			return from.getYear() + "年" + from.getMonthValue() + "月";
		}
		String end = (to.getYear() == from.getYear()) ? to.getMonthValue() + "月" + to.getDayOfMonth() + "日"
				: ChineseText.date(to);
		return ChineseText.date(from) + "至" + end;
	}

	private static String name(Map<String, Organization> orgs, String code) {
		Organization org = orgs.get(code);
		return (org != null) ? org.name() : code;
	}

	private static String parentName(Map<String, Organization> orgs, String code) {
		Organization org = orgs.get(code);
		return (org != null && org.parentCode() != null) ? name(orgs, org.parentCode()) : "";
	}

	/** The committee, the branches and every organisation between them. */
	private static List<String> subtree(String committeeCode, List<String> branches, Map<String, Organization> orgs) {
		List<String> codes = new ArrayList<>(List.of(committeeCode));
		codes.addAll(branches);
		for (String branch : branches) {
			Organization org = orgs.get(branch);
			if (org != null && org.parentCode() != null && !codes.contains(org.parentCode())) {
				codes.add(org.parentCode());
			}
		}
		return codes;
	}

	private Map<String, Integer> counts(String sql, List<String> codes, Timestamp start, Timestamp end) {
		Map<String, Integer> counts = new HashMap<>();
		var query = this.jdbc.sql(sql).param("branches", codes);
		if (start != null) {
			query = query.param("start", start).param("end", end);
		}
		query.query((rs) -> {
			counts.put(rs.getString(1), rs.getInt(2));
		});
		return counts;
	}

	/** Every stage's label with 0, in BranchStages' order. */
	private static Map<String, Integer> stageCounts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		BranchStages.LABELS.values().forEach((label) -> counts.put(label, 0));
		return counts;
	}

	private static int sum(Map<String, Integer> counts) {
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

	private static String percent(BigDecimal rate) {
		return (rate == null) ? "—"
				: rate.multiply(BigDecimal.valueOf(100))
					.setScale(1, RoundingMode.HALF_UP)
					.stripTrailingZeros()
					.toPlainString() + "%";
	}

	/** The problems a review pointed out, from the opinion as submitted. */
	private static String problems(String content) {
		try {
			return json.readTree(content).path("problems").asText("");
		}
		catch (JsonProcessingException ex) {
			return "";
		}
	}

}
