package org.cyl.excellence.appraisal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import org.camunda.bpm.engine.RuntimeService;
import org.cyl.excellence.appraisal.AppraisalRepository.Appraisal;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.Campaign;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.documents.Csv;
import org.cyl.excellence.shared.NotFoundException;
import org.cyl.excellence.shared.PublicUrl;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The committee's side of an appraisal — the printable ballot sheet with a QR code per
 * ballot, the ballot links as CSV, closing early — and its publication: the results page,
 * and the campaign's criticism notice (通报批评); the list of the appraisals a person
 * organises or may read the results of ({@code /appraisals}), from which they are
 * reached.
 */
@Controller
class AppraisalController {

	private final AppraisalRepository appraisals;

	private final BallotTokens tokens;

	private final OrganizationDirectory organizations;

	private final RuntimeService runtimeService;

	private final PublicUrl publicUrl;

	private final Campaigns campaigns;

	private final AppraisalAccess access;

	private final AppraisalDirectory directory;

	AppraisalController(AppraisalRepository appraisals, BallotTokens tokens, OrganizationDirectory organizations,
			RuntimeService runtimeService, PublicUrl publicUrl, Campaigns campaigns, AppraisalAccess access,
			AppraisalDirectory directory) {
		this.campaigns = campaigns;
		this.access = access;
		this.directory = directory;
		this.appraisals = appraisals;
		this.tokens = tokens;
		this.organizations = organizations;
		this.runtimeService = runtimeService;
		this.publicUrl = publicUrl;
	}

	record BallotLink(int number, String url, String qrDataUri) {
	}

	@GetMapping("/appraisals/{id}/ballots")
	String sheet(@PathVariable String id, Authentication authentication, Model model) {
		Appraisal appraisal = organizing(id, authentication);
		List<BallotLink> links = new ArrayList<>();
		for (int i = 0; i < appraisal.ballotsIssued(); i++) {
			String url = link(appraisal.id(), i);
			links.add(new BallotLink(i + 1, url, qr(url)));
		}
		model.addAttribute("appraisal", appraisal);
		model.addAttribute("organization", AppraisalDirectory.subject(appraisal, name(appraisal.orgCode())));
		model.addAttribute("open", "OPEN".equals(appraisal.status()));
		model.addAttribute("links", links);
		return "appraisal/appraisal-ballots";
	}

	/**
	 * The appraisals the person organises (with their ballots, CSV and 结束评议) and those
	 * whose results concern them; {@code campaign} narrows the list to one campaign.
	 */
	@GetMapping("/appraisals")
	String list(@RequestParam(required = false) String campaign, Authentication authentication, Model model) {
		List<AppraisalDirectory.AppraisalLink> all;
		String title = null;
		if (campaign != null) {
			Campaign found = this.campaigns.find(campaign)
				.orElseThrow(() -> new NotFoundException("活动 " + campaign + " 不存在"));
			all = this.directory.ofCampaign(campaign, authentication);
			boolean watches = isAdmin(authentication) || this.organizations.find(found.committeeCode())
				.map((committee) -> this.organizations.maySee(authentication, committee))
				.orElse(false);
			// a campaign the person's organisation takes part in is theirs even before
			// any
			// appraisal: the link on 活动进展 leads to an empty list, not to a refusal
			boolean takesPart = watches
					|| this.campaigns.takingPart(this.organizations.branchesConcerning(authentication))
						.containsKey(campaign);
			if (all.isEmpty() && !takesPart) {
				throw new AccessDeniedException("本次活动没有与您有关的群众评议");
			}
			title = found.plan().title();
		}
		else {
			all = this.directory.concerning(authentication);
		}
		model.addAttribute("campaignTitle", title);
		model.addAttribute("organized", all.stream().filter(AppraisalDirectory.AppraisalLink::organizer).toList());
		model.addAttribute("others", all.stream().filter((a) -> !a.organizer()).toList());
		return "appraisal/appraisals";
	}

	/** 结束评议 from the ballots page or the list: closes, then shows the results. */
	@PostMapping("/appraisals/{id}/close")
	String closeFromPage(@PathVariable String id, Authentication authentication) {
		close(id, authentication);
		return "redirect:/appraisals/" + id + "/results";
	}

	@GetMapping("/api/appraisals/{id}/ballots.csv")
	ResponseEntity<byte[]> csv(@PathVariable String id, Authentication authentication) {
		Appraisal appraisal = organizing(id, authentication);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < appraisal.ballotsIssued(); i++) {
			rows.add(new Object[] { i + 1, link(appraisal.id(), i) });
		}
		return Csv.download("ballots-" + id, new String[] { "编号", "评议链接" }, rows);
	}

	/**
	 * The committee closes the appraisal before its closing time: the tally follows at
	 * once.
	 */
	@PostMapping("/api/appraisals/{id}/close")
	@ResponseBody
	Map<String, Object> close(@PathVariable String id, Authentication authentication) {
		Appraisal appraisal = organizing(id, authentication);
		if (!"OPEN".equals(appraisal.status())) {
			throw new IllegalArgumentException("评议已经结束");
		}
		this.runtimeService.createMessageCorrelation(AppraisalVariables.MESSAGE_CLOSED_EARLY)
			.processInstanceId(appraisal.processInstanceId())
			.correlate();
		return Map.of("message", "评议已结束并完成统计", "appraisal", id);
	}

	record ItemResult(String item, int satisfied, int fairly, int basic, int dissatisfied, String satisfaction,
			String dissatisfaction) {
	}

	/**
	 * An appraisal's results; {@code organization} names what was appraised (an
	 * organisation or a committee's candidate list, then {@code candidateList} and one
	 * item per candidate before 总体评价); the links are for its organisers.
	 */
	record Results(String id, String organization, String status, int ballotsIssued, Integer ballotsCast,
			String participation, String satisfaction, String dissatisfaction, String grade, String outcome,
			List<ItemResult> items, List<String> comments, boolean candidateList, String ballotsUrl, String closeUrl) {
	}

	@GetMapping("/api/appraisals/{id}/results")
	@ResponseBody
	Results resultsApi(@PathVariable String id, Authentication authentication) {
		return results(id, authentication);
	}

	@GetMapping("/appraisals/{id}/results")
	String resultsPage(@PathVariable String id, Authentication authentication, Model model) {
		model.addAttribute("results", results(id, authentication));
		return "appraisal/appraisal-results";
	}

	record Criticism(String organization, int round, String grade, String satisfaction, String dissatisfaction,
			String resultsUrl) {
	}

	/** 通报批评: every organisation criticised after a mass appraisal in the campaign. */
	/**
	 * The campaign's criticism notice: for the campaign's committee and the organisations
	 * above it (and its Party organisation, managers, administrators), the committees
	 * that organised an appraisal of the campaign, and the criticised organisations
	 * themselves — not for every branch below the organising committee.
	 */
	@GetMapping("/campaigns/{campaignId}/criticisms")
	String criticisms(@PathVariable String campaignId, Authentication authentication, Model model) {
		Campaign campaign = this.campaigns.find(campaignId)
			.orElseThrow(() -> new NotFoundException("活动 " + campaignId + " 不存在"));
		boolean allowed = isAdmin(authentication) || this.organizations.find(campaign.committeeCode())
			.map((committee) -> this.organizations.maySee(authentication, committee))
			.orElse(false);
		List<String> myCommittees = this.organizations.organizationsWhere(authentication.getName(), Role.COMMITTEE);
		List<Criticism> criticised = new ArrayList<>();
		for (Appraisal a : this.appraisals.findByCampaign(campaignId)) {
			allowed = allowed || myCommittees.contains(a.committeeCode());
			if ("CRITICISE".equals(a.outcome())) {
				Organization org = this.organizations.find(a.orgCode()).orElse(null);
				allowed = allowed || (org != null && this.organizations.maySee(authentication, org));
				criticised.add(new Criticism(name(a.orgCode()), a.round(), a.grade(),
						AppraisalRectifyListener.percent(a.satisfaction()),
						AppraisalRectifyListener.percent(a.dissatisfaction()), "/appraisals/" + a.id() + "/results"));
			}
		}
		if (!allowed) {
			throw new AccessDeniedException("本次活动的通报批评只发给活动的团委及其上级、组织评议的团委和被通报的组织");
		}
		model.addAttribute("title", campaign.plan().title());
		model.addAttribute("criticised", criticised);
		return "appraisal/appraisal-criticisms";
	}

	private Results results(String id, Authentication authentication) {
		Appraisal a = this.appraisals.find(id)
			.filter((found) -> !found.poll())
			.orElseThrow(() -> new NotFoundException("评议 " + id + " 不存在"));
		Organization org = this.organizations.find(a.orgCode()).orElseThrow();
		if (!this.access.mayReadResults(authentication, a)) {
			throw new AccessDeniedException("评议结果只在公布范围内可见");
		}
		boolean organizer = this.access.organizes(authentication, a);
		List<ItemResult> items = new ArrayList<>();
		for (AppraisalRepository.TallyRow row : this.appraisals.tally(id)) {
			items.add(new ItemResult(row.item(), row.satisfied(), row.fairly(), row.basic(), row.dissatisfied(),
					AppraisalRectifyListener
						.percent(TallyBallotsDelegate.rate(row.satisfied() + row.fairly(), row.total())),
					AppraisalRectifyListener.percent(TallyBallotsDelegate.rate(row.dissatisfied(), row.total()))));
		}
		boolean open = "OPEN".equals(a.status());
		return new Results(a.id(), AppraisalDirectory.subject(a, org.name()), a.status(), a.ballotsIssued(),
				a.ballotsCast(), pct(a.participation()), pct(a.satisfaction()), pct(a.dissatisfaction()), a.grade(),
				outcomeLabel(a.outcome()), items,
				"CLOSED".equals(a.status()) ? this.appraisals.comments(id) : List.of(), a.candidateList(),
				organizer ? "/appraisals/" + id + "/ballots" : null,
				(organizer && open) ? "/appraisals/" + id + "/close" : null);
	}

	private static String pct(BigDecimal rate) {
		return (rate == null) ? null : AppraisalRectifyListener.percent(rate);
	}

	static String outcomeLabel(String outcome) {
		if (outcome == null) {
			return null;
		}
		return switch (outcome) {
			case "PUBLISH" -> "公布";
			case "CRITICISE" -> "公布、通报批评、限期整改";
			case "REPEAT" -> "参评率不足，重新评议";
			default -> outcome;
		};
	}

	/**
	 * The appraisal, for a committee member of the organising committee or an
	 * administrator.
	 */
	private Appraisal organizing(String id, Authentication authentication) {
		Appraisal a = this.appraisals.find(id)
			.filter((found) -> !found.poll())
			.orElseThrow(() -> new NotFoundException("评议 " + id + " 不存在"));
		if (!this.access.organizes(authentication, a)) {
			throw new AccessDeniedException("只有组织评议的团委委员可以打印选票或结束评议");
		}
		return a;
	}

	private static boolean isAdmin(Authentication authentication) {
		return AppraisalAccess.isAdmin(authentication);
	}

	private String name(String orgCode) {
		return this.organizations.find(orgCode).map(Organization::name).orElse(orgCode);
	}

	/**
	 * A ballot's link, under the public address (app.public-url), whatever Host was
	 * asked.
	 */
	private String link(String appraisalId, int ballot) {
		return this.publicUrl.of("/ballot/" + this.tokens.token(appraisalId, ballot));
	}

	private static String qr(String text) {
		try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
			MatrixToImageWriter.writeToStream(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 160, 160), "PNG",
					png);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
		}
		catch (WriterException | IOException ex) {
			throw new IllegalStateException("QR code", ex);
		}
	}

}
