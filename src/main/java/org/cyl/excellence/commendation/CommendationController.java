package org.cyl.excellence.commendation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.commendation.CommendationRepository.Candidate;
import org.cyl.excellence.commendation.CommendationRepository.Commendation;
import org.cyl.excellence.commendation.CommendationRepository.Objection;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The commendation of a campaign as people see it. Public, without login: the notice (公示,
 * {@code /public/notices/{campaign}}) with its objection form, and the decision (表彰决定,
 * {@code /public/decisions/{campaign}} and {@code .pdf}). Behind login, for the
 * committee's line: the candidates with every status and reason, the objections (with the
 * filer's contact only for the committee and above), the attempts to object that were
 * refused ({@code /commendations/{campaign}/refused-objections}, for the committee and
 * above and managers), and the candidate and final lists as CSV and XLSX.
 */
@Controller
class CommendationController {

	static final String[] COLUMNS = { "序号", "类别", "荣誉称号", "名称/姓名", "组织代码", "团员编号", "推荐依据", "状态", "理由", "事迹材料" };

	static final Map<String, String> STATUS = Map.of("NOMINATED", "待考核", "ACCEPTED", "考核通过", "REJECTED", "考核未通过",
			"STRUCK", "审核撤下", "WITHDRAWN", "公示后撤销");

	private final CommendationRepository commendations;

	private final Campaigns campaigns;

	private final OrganizationDirectory organizations;

	private final ObjectionService objections;

	CommendationController(CommendationRepository commendations, Campaigns campaigns,
			OrganizationDirectory organizations, ObjectionService objections) {
		this.commendations = commendations;
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.objections = objections;
	}

	@GetMapping("/public/notices/{campaignId}")
	String notice(@PathVariable String campaignId, @RequestParam(name = "filed", required = false) String filed,
			Model model) {
		Commendation c = noticed(campaignId);
		return noticePage(c, model, (filed != null) ? "您的异议已收到，团委将核实处理。" : null, null, Map.of());
	}

	@PostMapping("/public/notices/{campaignId}")
	String object(@PathVariable String campaignId, @RequestParam Map<String, String> form, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Commendation c = noticed(campaignId);
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
		model.addAttribute("title", this.campaigns.find(c.campaignId()).orElseThrow().plan().title());
		model.addAttribute("committee", committeeName(c));
		model.addAttribute("noticeFrom", c.noticeFrom());
		model.addAttribute("noticeUntil", c.noticeUntil());
		model.addAttribute("objectionsOpen", c.objectionsOpen());
		Map<String, String> branches = branchNames(all);
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
		Commendation c = decided(campaignId);
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
		Commendation c = decided(campaignId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"decision.pdf\"")
			.body(DecisionPdf.render(decisionOf(c)));
	}

	private DecisionPdf.Decision decisionOf(Commendation c) {
		List<Candidate> finalList = this.commendations.candidates(c.campaignId(), "ACCEPTED");
		Map<String, String> branches = branchNames(finalList);
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
		return new DecisionPdf.Decision(committeeName(c), c.decisionNo(), c.decidedOn(),
				this.campaigns.find(c.campaignId()).orElseThrow().plan().title(), entries);
	}

	/** The commendation with its candidates and objections, for the committee's line. */
	@GetMapping("/api/commendations/{campaignId}")
	@ResponseBody
	Map<String, Object> view(@PathVariable String campaignId, Authentication auth) {
		Commendation c = visible(campaignId, auth);
		Organization committee = this.organizations.find(c.committeeCode()).orElseThrow();
		boolean contacts = this.organizations.maySee(auth, committee);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("campaignId", c.campaignId());
		view.put("committee", committee.name());
		view.put("status", c.status());
		view.put("auditOpinion", c.auditOpinion());
		view.put("noticeFrom", c.noticeFrom());
		view.put("noticeUntil", c.noticeUntil());
		view.put("objectionsOpen", c.objectionsOpen());
		view.put("decisionNo", c.decisionNo());
		view.put("decidedOn", c.decidedOn());
		view.put("candidates", this.commendations.candidates(campaignId));
		List<Map<String, Object>> objections = new ArrayList<>();
		for (Objection o : this.commendations.objections(campaignId)) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", o.id());
			m.put("candidateId", o.candidateId());
			m.put("filerName", contacts ? o.filerName() : null);
			m.put("filerContact", contacts ? o.filerContact() : null);
			m.put("content", o.content());
			m.put("filedAt", o.filedAt());
			m.put("status", o.status());
			m.put("finding", o.finding());
			objections.add(m);
		}
		view.put("objections", objections);
		// refused attempts name addresses: only for those who may read the filers'
		// contacts
		view.put("refusedObjections", contacts ? this.objections.refusals(campaignId) : null);
		return view;
	}

	/**
	 * The attempts to object that the notice refused (over the limits, signed by nobody,
	 * incomplete), for the committee's line and managers.
	 */
	@GetMapping("/commendations/{campaignId}/refused-objections")
	String refusedObjections(@PathVariable String campaignId, Authentication auth, Model model) {
		Commendation c = visible(campaignId, auth);
		if (!this.organizations.maySee(auth, this.organizations.find(c.committeeCode()).orElseThrow())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本团委、上级团委和管理者可以查看被拒收的异议");
		}
		model.addAttribute("title", this.campaigns.find(campaignId).orElseThrow().plan().title());
		model.addAttribute("committee", committeeName(c));
		model.addAttribute("campaignId", campaignId);
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
		model.addAttribute("refusals",
				this.objections.refusals(campaignId)
					.stream()
					.map((r) -> Map.of("lastAt", time.format(r.lastAt()), "firstAt", time.format(r.firstAt()),
							"attempts", r.attempts(), "clientAddress", r.clientAddress(), "filerNames",
							(r.filerNames() != null) ? r.filerNames() : "（未填）", "reason", r.reason()))
					.toList());
		model.addAttribute("perAddressPerDay", this.objections.perAddressPerDay());
		model.addAttribute("perNoticePerHour", this.objections.perNoticePerHour());
		return "commendation/commendation-refusals";
	}

	@GetMapping("/api/commendations/{campaignId}/candidates.csv")
	ResponseEntity<byte[]> csv(@PathVariable String campaignId,
			@RequestParam(name = "list", defaultValue = "candidates") String list, Authentication auth) {
		return Spreadsheets.csv(fileName(list), COLUMNS, rows(campaignId, list, auth));
	}

	@GetMapping("/api/commendations/{campaignId}/candidates.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String campaignId,
			@RequestParam(name = "list", defaultValue = "candidates") String list, Authentication auth) {
		return Spreadsheets.xlsx(fileName(list), "final".equals(list) ? "表彰名单" : "候选名单", COLUMNS,
				rows(campaignId, list, auth));
	}

	private static String fileName(String list) {
		if (!"candidates".equals(list) && !"final".equals(list)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "list 只能是 candidates（候选名单）或 final（表彰名单）");
		}
		return list;
	}

	/**
	 * Every candidate with status and reason, or the final list (those accepted and not
	 * struck or withdrawn, once the decision is issued).
	 */
	private List<Object[]> rows(String campaignId, String list, Authentication auth) {
		Commendation c = visible(campaignId, auth);
		List<Candidate> candidates = this.commendations.candidates(campaignId);
		if ("final".equals(list)) {
			if (c.decisionNo() == null) {
				throw new ResponseStatusException(HttpStatus.CONFLICT, "表彰决定尚未印发，还没有表彰名单");
			}
			candidates = candidates.stream().filter((x) -> "ACCEPTED".equals(x.status())).toList();
		}
		List<Object[]> rows = new ArrayList<>();
		int n = 1;
		for (Candidate x : candidates) {
			rows.add(new Object[] { n++, x.isOrganization() ? "组织" : "团员", x.title(), x.holderName(), x.orgCode(),
					x.leagueNo(), x.basis(), STATUS.getOrDefault(x.status(), x.status()), x.statusReason(),
					x.deeds() });
		}
		return rows;
	}

	/**
	 * An unknown campaign: the public pages answer with the application's error page, the
	 * API with its JSON message.
	 */
	@org.springframework.web.bind.annotation.ExceptionHandler(NotFoundException.class)
	org.springframework.web.servlet.ModelAndView notFound(NotFoundException ex,
			jakarta.servlet.http.HttpServletRequest request) {
		org.springframework.web.servlet.ModelAndView answer = request.getRequestURI().contains("/api/")
				? new org.springframework.web.servlet.ModelAndView(
						new org.springframework.web.servlet.view.json.MappingJackson2JsonView())
				: new org.springframework.web.servlet.ModelAndView("error");
		answer.setStatus(HttpStatus.NOT_FOUND);
		answer.addObject("status", 404);
		answer.addObject("message", ex.getMessage());
		return answer;
	}

	private Commendation visible(String campaignId, Authentication auth) {
		Commendation c = this.commendations.find(campaignId).orElseThrow(() -> new NotFoundException("没有这项活动的评比表彰"));
		Organization committee = this.organizations.find(c.committeeCode()).orElseThrow();
		if (!this.organizations.maySee(auth, committee) && !this.organizations.isWithin(auth, c.committeeCode())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本团委及其下属组织、上级团委可以查看");
		}
		return c;
	}

	private Commendation noticed(String campaignId) {
		return this.commendations.find(campaignId)
			.filter((c) -> c.noticeFrom() != null)
			.orElseThrow(() -> new NotFoundException("没有这项公示"));
	}

	private Commendation decided(String campaignId) {
		return this.commendations.find(campaignId)
			.filter((c) -> c.decisionNo() != null)
			.orElseThrow(() -> new NotFoundException("表彰决定尚未印发"));
	}

	private String committeeName(Commendation c) {
		return this.organizations.find(c.committeeCode()).map(Organization::name).orElse(c.committeeCode());
	}

	private Map<String, String> branchNames(List<Candidate> candidates) {
		Map<String, String> names = new LinkedHashMap<>();
		for (Candidate x : candidates) {
			names.computeIfAbsent(x.orgCode(),
					(code) -> this.organizations.find(code).map(Organization::name).orElse(code));
		}
		return names;
	}

}
