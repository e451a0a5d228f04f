package org.cyl.excellence.branch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.campaign.Campaign;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.Plan;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.OrganizationType;
import org.cyl.excellence.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * 公开承诺 as the youth read it, without login (the public page, the wall poster, the
 * ballot): per published round the organisation pledge as approved, the members' pledges
 * (with their names, or only counted — the campaign's plan decides), cadres marked, the
 * 评诺 of the round once made; then the leader reviews' verdicts and the rectifications.
 * Nothing not yet approved and published is read: a round becomes visible when
 * {@code Task_PublishPledges} ran, with the organisation pledge of that moment.
 */
@Service
class PublicPledges {

	private static final ObjectMapper json = new ObjectMapper();

	private static final Map<String, String> FULFILMENT = Map.of("FULFILLED", "履诺", "PARTIAL", "部分履诺", "UNFULFILLED",
			"未履诺");

	private final Campaigns campaigns;

	private final OrganizationDirectory organizations;

	private final PledgeRepository pledges;

	private final BranchRecords records;

	PublicPledges(Campaigns campaigns, OrganizationDirectory organizations, PledgeRepository pledges,
			BranchRecords records) {
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.pledges = pledges;
		this.records = records;
	}

	/** The address of a branch's public page in a campaign (under the public URL). */
	static String path(String campaignId, String branchCode) {
		return "/public/campaigns/" + campaignId + "/branches/" + branchCode;
	}

	record ItemPledge(String item, String commitment, String measures) {
	}

	record MemberLine(String name, boolean cadre, boolean signed, List<ItemPledge> commitments, String higherStandard,
			String fulfilment) {
	}

	/** How many pledged, and how the 评诺 came out, for campaigns that publish no names. */
	record Counts(int members, int signed, int cadres, int fulfilled, int partial, int unfulfilled) {
	}

	record Round(int number, String theme, LocalDate endDate, List<ItemPledge> organizationPledge,
			List<MemberLine> members, Counts counts, boolean evaluated) {
	}

	record Review(String reviewer, int attempt, String verdict, LocalDate date, Map<String, String> ratings,
			String affirmed, String problems, String direction, LocalDate deadline) {
	}

	record Rectification(LocalDate date, String measures, String result) {
	}

	record Page(String campaignId, String campaignTitle, String campaignTheme, String committeeName, String branchCode,
			String branchName, String path, boolean namesShown, List<Round> rounds, List<Review> reviews,
			List<Rectification> rectifications) {

		/** The campaign in one line: who runs it and where its results are published. */
		public String about() {
			return this.committeeName + "组织的创先争优活动（主题：" + this.campaignTheme + "），本支部在此公开承诺、接受监督；群众评议（青年满意度测评）结果由"
					+ this.committeeName + "在相应范围内公布，表彰对象在本平台公示。";
		}

		/** The organisation pledge of the latest published round. */
		public Optional<Round> latest() {
			return this.rounds.isEmpty() ? Optional.empty() : Optional.of(this.rounds.get(this.rounds.size() - 1));
		}

	}

	/** The campaign and the branch taking part in it, or 404. */
	Page page(String campaignId, String branchCode) {
		Campaign campaign = this.campaigns.find(campaignId)
			.orElseThrow(() -> new NotFoundException("活动 " + campaignId + " 不存在"));
		Organization branch = this.organizations.find(branchCode)
			.filter((o) -> o.type() == OrganizationType.BRANCH)
			.orElseThrow(() -> new NotFoundException("团支部 " + branchCode + " 不存在"));
		if (this.campaigns.branchProcessInstance(campaignId, branchCode).isEmpty()) {
			throw new NotFoundException(branch.name() + "没有参加这项活动");
		}
		Plan plan = campaign.plan();
		String committee = this.organizations.find(campaign.committeeCode())
			.map(Organization::name)
			.orElse(campaign.committeeCode());
		List<Round> rounds = new ArrayList<>();
		for (int number : this.pledges.publishedRounds(campaignId, branchCode)) {
			Plan.Round planned = plan.rounds().get(number - 1);
			List<ItemPledge> organization = this.pledges.publishedDocument(campaignId, branchCode, number)
				.map(PublicPledges::items)
				.orElse(List.of());
			List<MemberLine> members = new ArrayList<>();
			int signed = 0;
			int cadres = 0;
			Map<String, Integer> rated = new LinkedHashMap<>();
			for (PledgeRepository.MemberPledgeRow row : this.pledges.memberPledges(campaignId, branchCode, number)) {
				boolean hasSigned = "SIGNED".equals(row.status());
				signed += hasSigned ? 1 : 0;
				cadres += (row.cadre() && hasSigned) ? 1 : 0;
				if (row.fulfilment() != null) {
					rated.merge(row.fulfilment(), 1, Integer::sum);
				}
				members.add(new MemberLine(row.name(), row.cadre(), hasSigned,
						(row.content() != null) ? items(row.content()) : List.of(), row.higherStandard(),
						(row.fulfilment() != null) ? FULFILMENT.get(row.fulfilment()) : null));
			}
			Counts counts = new Counts(members.size(), signed, cadres, rated.getOrDefault("FULFILLED", 0),
					rated.getOrDefault("PARTIAL", 0), rated.getOrDefault("UNFULFILLED", 0));
			rounds.add(new Round(number, planned.theme(), planned.endDate(), organization,
					plan.namesShown() ? members : List.of(), counts, !rated.isEmpty()));
		}
		List<Review> reviews = new ArrayList<>();
		List<Rectification> rectifications = new ArrayList<>();
		for (BranchRecords.OpinionRow row : this.records.opinions(campaignId, branchCode)) {
			if (!"COMMITTEE_REVIEW".equals(row.kind()) && !"PARTY_REVIEW".equals(row.kind())) {
				continue;
			}
			Map<String, Object> content = ReviewSupport.read(row.content());
			Map<String, String> ratings = new LinkedHashMap<>();
			if (content.get("ratings") instanceof Map<?, ?> given) {
				given.forEach((item, rating) -> ratings.put(String.valueOf(item),
						ReviewSummary.ratingLabel(String.valueOf(rating))));
			}
			reviews.add(new Review(ReviewSupport.KINDS.get(row.kind()), row.attempt(),
					ReviewSupport.verdictLabel(row.verdict()), row.createdAt().toLocalDateTime().toLocalDate(), ratings,
					text(content, "affirmed"), text(content, "problems"), text(content, "direction"), row.deadline()));
		}
		for (BranchRecords.DocumentRow row : this.records.documents(campaignId, branchCode)) {
			if ("RECTIFICATION".equals(row.kind())) {
				Map<String, Object> content = ReviewSupport.read(row.content());
				rectifications.add(new Rectification(row.createdAt().toLocalDateTime().toLocalDate(),
						text(content, "measures"), text(content, "result")));
			}
		}
		return new Page(campaignId, plan.title(), plan.theme(), committee, branchCode, branch.name(),
				path(campaignId, branchCode), plan.namesShown(), rounds, reviews, rectifications);
	}

	private static String text(Map<String, Object> content, String key) {
		Object value = content.get(key);
		return (value == null) ? null : value.toString();
	}

	private static List<ItemPledge> items(String content) {
		try {
			List<Map<String, Object>> rows = json.readValue(content, new TypeReference<List<Map<String, Object>>>() {
			});
			return rows.stream()
				.map((r) -> new ItemPledge(String.valueOf(r.get("item")),
						String.valueOf(r.getOrDefault("commitment", "")),
						(r.get("measures") != null) ? r.get("measures").toString() : null))
				.toList();
		}
		catch (Exception ex) {
			return List.of();
		}
	}

}
