package org.cyl.excellence.commendation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cyl.excellence.commendation.CommendationRepository.Candidate;
import org.cyl.excellence.commendation.CommendationRepository.Commendation;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The commendation of a campaign as everyone may see it, without login: the notice (公示,
 * {@code /public/notices/{campaign}}) with its objection form, and the decision (表彰决定,
 * {@code /public/decisions/{campaign}} and {@code .pdf}). An unknown or not yet public
 * one is 404 with the error page (shared/ApiExceptionHandler).
 */
@Controller
class PublicCommendationController {

	private final CommendationRepository commendations;

	private final CommendationPages pages;

	private final ObjectionService objections;

	PublicCommendationController(CommendationRepository commendations, CommendationPages pages,
			ObjectionService objections) {
		this.commendations = commendations;
		this.pages = pages;
		this.objections = objections;
	}

	@GetMapping("/public/notices/{campaignId}")
	String notice(@PathVariable String campaignId, @RequestParam(name = "filed", required = false) String filed,
			Model model) {
		Commendation c = this.pages.noticed(campaignId);
		return noticePage(c, model, (filed != null) ? "您的异议已收到，团委将核实处理。" : null, null, Map.of());
	}

	@PostMapping("/public/notices/{campaignId}")
	String object(@PathVariable String campaignId, @RequestParam Map<String, String> form, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Commendation c = this.pages.noticed(campaignId);
		long candidate;
		try {
			candidate = Long.parseLong(form.getOrDefault("candidate", "").trim());
		}
		catch (NumberFormatException ex) {
			response.setStatus(400);
			return noticePage(c, model, null, "请选择公示名单中的候选", form);
		}
		try {
			this.objections.file(campaignId, candidate, form.get("name"), form.get("contact"), form.get("content"),
					request.getRemoteAddr());
		}
		catch (ObjectionService.RefusedException refused) {
			this.objections.refused(campaignId, request.getRemoteAddr(), form.get("name"), refused.getMessage());
			response.setStatus(refused.status());
			return noticePage(this.commendations.find(campaignId).orElseThrow(), model, null, refused.getMessage(),
					form);
		}
		return "redirect:/public/notices/" + campaignId + "?filed";
	}

	private String noticePage(Commendation c, Model model, String info, String error, Map<String, String> form) {
		List<Candidate> all = this.commendations.candidates(c.campaignId());
		model.addAttribute("title", this.pages.campaignTitle(c.campaignId()));
		model.addAttribute("committee", this.pages.committeeName(c));
		model.addAttribute("noticeFrom", c.noticeFrom());
		model.addAttribute("noticeUntil", c.noticeUntil());
		model.addAttribute("objectionsOpen", c.objectionsOpen());
		Map<String, String> branches = this.pages.branchNames(all);
		model.addAttribute("listed",
				all.stream().filter((x) -> "ACCEPTED".equals(x.status())).map((x) -> entry(x, branches)).toList());
		model.addAttribute("withdrawn",
				all.stream().filter((x) -> "WITHDRAWN".equals(x.status())).map((x) -> entry(x, branches)).toList());
		model.addAttribute("openObjections",
				this.commendations.objections(c.campaignId())
					.stream()
					.filter((o) -> "OPEN".equals(o.status()))
					.count());
		model.addAttribute("info", info);
		model.addAttribute("error", error);
		model.addAttribute("form", form);
		return "commendation/notice";
	}

	/** A candidate as the notice shows it (the template reads maps, not our records). */
	private static Map<String, Object> entry(Candidate c, Map<String, String> branches) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("id", c.id());
		entry.put("title", c.title());
		entry.put("name", c.holderName());
		entry.put("organization", c.isOrganization() ? "" : branches.get(c.orgCode()));
		entry.put("deeds", c.deeds());
		entry.put("reason", c.statusReason());
		return entry;
	}

	@GetMapping("/public/decisions/{campaignId}")
	String decision(@PathVariable String campaignId, Model model) {
		Commendation c = this.pages.decided(campaignId);
		DecisionPdf.Decision decision = decisionOf(c);
		Map<String, List<String>> groups = new LinkedHashMap<>();
		decision.entries()
			.forEach((e) -> groups.computeIfAbsent(e.title(), (t) -> new ArrayList<>())
				.add((e.organization() == null) ? e.holderName() : e.holderName() + "（" + e.organization() + "）"));
		model.addAttribute("committeeName", decision.committeeName());
		model.addAttribute("decisionNo", decision.decisionNo());
		model.addAttribute("campaignTitle", decision.campaignTitle());
		model.addAttribute("decidedOn", decision.decidedOn());
		model.addAttribute("groups", groups);
		model.addAttribute("campaignId", campaignId);
		return "commendation/decision";
	}

	@GetMapping("/public/decisions/{campaignId}.pdf")
	ResponseEntity<byte[]> decisionPdf(@PathVariable String campaignId) {
		Commendation c = this.pages.decided(campaignId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"decision.pdf\"")
			.body(DecisionPdf.render(decisionOf(c)));
	}

	private DecisionPdf.Decision decisionOf(Commendation c) {
		List<Candidate> finalList = this.commendations.candidates(c.campaignId(), "ACCEPTED");
		Map<String, String> branches = this.pages.branchNames(finalList);
		List<DecisionPdf.Entry> entries = new ArrayList<>();
		for (String title : List.of(CommendationRepository.RED_FLAG, CommendationRepository.ADVANCED,
				CommendationRepository.OUTSTANDING_MEMBER)) {
			for (Candidate x : finalList) {
				if (x.title().equals(title)) {
					entries.add(new DecisionPdf.Entry(title, x.holderName(),
							x.isOrganization() ? null : branches.get(x.orgCode())));
				}
			}
		}
		return new DecisionPdf.Decision(this.pages.committeeName(c), c.decisionNo(), c.decidedOn(),
				this.pages.campaignTitle(c.campaignId()), entries);
	}

}
