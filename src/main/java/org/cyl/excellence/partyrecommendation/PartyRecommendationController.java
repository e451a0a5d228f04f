package org.cyl.excellence.partyrecommendation;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cyl.excellence.documents.Spreadsheets;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.BranchRun;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.Launch;
import org.cyl.excellence.shared.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The committee's pages of 推优入党: its rounds ({@code /party-recommendations}), a round's
 * branches and candidates ({@code /party-recommendations/{id}}), the round's export for
 * the League's national system and the Party ({@code …/{id}/recommendations.xlsx}), a
 * recommended member's 推荐表 ({@code /party-recommendations/forms/{id}.pdf}); and a
 * branch's public notice with its objection form, open to everybody
 * ({@code /public/party-recommendations/{processInstanceId}}).
 */
@Controller
class PartyRecommendationController {

	private final PartyRecommendationPages pages;

	private final PartyRecommendationRepository repository;

	private final PartyObjections objections;

	PartyRecommendationController(PartyRecommendationPages pages, PartyRecommendationRepository repository,
			PartyObjections objections) {
		this.pages = pages;
		this.repository = repository;
		this.objections = objections;
	}

	@GetMapping("/party-recommendations")
	String list(Authentication auth, Model model) {
		model.addAttribute("launches", this.pages.launches(auth).stream().map(this::entry).toList());
		return "partyrecommendation/list";
	}

	private Map<String, Object> entry(Launch l) {
		return Map.of("id", l.id(), "committee", this.pages.name(l.committeeCode()), "stage", l.stage().label(),
				"launchedOn", l.launchedOn(), "proposalDue", l.proposalDue(), "meetingDue", l.meetingDue());
	}

	@GetMapping("/party-recommendations/{id}")
	String launch(Authentication auth, @PathVariable long id, Model model) {
		Launch launch = this.pages.launch(auth, id);
		model.addAttribute("launch", entry(launch));
		model.addAttribute("branches", this.pages.branches(launch));
		return "partyrecommendation/launch";
	}

	@GetMapping("/party-recommendations/{id}/recommendations.xlsx")
	ResponseEntity<byte[]> export(Authentication auth, @PathVariable long id) {
		Launch launch = this.pages.launch(auth, id);
		return Spreadsheets.xlsx("推优入党-" + launch.stage().label() + "-" + launch.id() + ".xlsx", "推优入党",
				PartyRecommendationPages.COLUMNS, this.pages.rows(launch));
	}

	@GetMapping("/party-recommendations/forms/{id}.pdf")
	ResponseEntity<byte[]> form(Authentication auth, @PathVariable long id) {
		return Spreadsheets.download(this.pages.form(auth, id), "推荐表-" + id + ".pdf", MediaType.APPLICATION_PDF);
	}

	@GetMapping("/public/party-recommendations/{pid}")
	String notice(@PathVariable String pid, @RequestParam(name = "filed", required = false) String filed, Model model) {
		return noticePage(noticed(pid), model, (filed != null) ? "您的异议已收到，团委将核实处理。" : null, null, Map.of());
	}

	@PostMapping("/public/party-recommendations/{pid}")
	String object(@PathVariable String pid, @RequestParam Map<String, String> form, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		BranchRun branch = noticed(pid);
		long candidate;
		try {
			candidate = Long.parseLong(form.getOrDefault("candidate", "").trim());
		}
		catch (NumberFormatException ex) {
			response.setStatus(400);
			return noticePage(branch, model, null, "请选择公示名单中的人选", form);
		}
		try {
			this.objections.file(pid, candidate, form.get("name"), form.get("contact"), form.get("content"),
					request.getRemoteAddr());
		}
		catch (PartyObjections.RefusedException refused) {
			response.setStatus(refused.status());
			return noticePage(this.repository.branch(pid).orElseThrow(), model, null, refused.getMessage(), form);
		}
		return "redirect:/public/party-recommendations/" + pid + "?filed";
	}

	private BranchRun noticed(String pid) {
		return this.repository.branch(pid)
			.filter((b) -> b.noticeFrom() != null)
			.orElseThrow(() -> new NotFoundException("没有这项推优公示"));
	}

	private String noticePage(BranchRun b, Model model, String info, String error, Map<String, String> form) {
		Launch launch = this.repository.launch(b.launchId()).orElseThrow();
		model.addAttribute("branch", this.pages.name(b.branchCode()));
		model.addAttribute("committee", this.pages.name(b.committeeCode()));
		model.addAttribute("stage", launch.stage().label());
		model.addAttribute("noticeFrom", b.noticeFrom());
		model.addAttribute("noticeUntil", b.noticeUntil());
		model.addAttribute("objectionsOpen", b.objectionsOpen());
		model.addAttribute("listed",
				this.repository.candidates(b.processInstanceId())
					.stream()
					.filter((c) -> "NOTICED".equals(c.status()) || "RECOMMENDED".equals(c.status()))
					.map(PartyRecommendationPages::candidate)
					.toList());
		model.addAttribute("removed",
				this.repository.candidates(b.processInstanceId())
					.stream()
					.filter((c) -> "REMOVED".equals(c.status()))
					.map(PartyRecommendationPages::candidate)
					.toList());
		model.addAttribute("info", info);
		model.addAttribute("error", error);
		model.addAttribute("form", form);
		return "partyrecommendation/notice";
	}

}
