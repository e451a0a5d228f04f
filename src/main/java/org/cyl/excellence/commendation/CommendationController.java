package org.cyl.excellence.commendation;

import org.cyl.excellence.documents.Spreadsheets;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cyl.excellence.commendation.CommendationRepository.Candidate;
import org.cyl.excellence.commendation.CommendationRepository.Commendation;
import org.cyl.excellence.commendation.CommendationRepository.Objection;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The commendation of a campaign behind login, for the committee's line: the candidates
 * with every status and reason, the objections (with the filer's contact only for the
 * committee and above), the attempts to object that were refused
 * ({@code /commendations/{campaign}/refused-objections}, for the committee and above and
 * managers), and the candidate and final lists as CSV and XLSX. The public notice and
 * decision are {@link PublicCommendationController}'s.
 */
@Controller
class CommendationController {

	static final String[] COLUMNS = { "序号", "类别", "荣誉称号", "名称/姓名", "组织代码", "团员编号", "推荐依据", "状态", "理由", "事迹材料" };

	static final Map<String, String> STATUS = Map.of("NOMINATED", "待考核", "ACCEPTED", "考核通过", "REJECTED", "考核未通过",
			"STRUCK", "审核撤下", "WITHDRAWN", "公示后撤销");

	private final CommendationRepository commendations;

	private final CommendationPages pages;

	private final OrganizationDirectory organizations;

	private final ObjectionService objections;

	CommendationController(CommendationRepository commendations, CommendationPages pages,
			OrganizationDirectory organizations, ObjectionService objections) {
		this.commendations = commendations;
		this.pages = pages;
		this.organizations = organizations;
		this.objections = objections;
	}

	/** The commendation with its candidates and objections, for the committee's line. */
	@GetMapping("/api/commendations/{campaignId}")
	@ResponseBody
	Map<String, Object> view(@PathVariable String campaignId, Authentication auth) {
		Commendation c = this.pages.visible(campaignId, auth);
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
		Commendation c = this.pages.visible(campaignId, auth);
		if (!this.pages.maySeeContacts(c, auth)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本团委、上级团委和管理者可以查看被拒收的异议");
		}
		model.addAttribute("title", this.pages.campaignTitle(campaignId));
		model.addAttribute("committee", this.pages.committeeName(c));
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
		Commendation c = this.pages.visible(campaignId, auth);
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

}
