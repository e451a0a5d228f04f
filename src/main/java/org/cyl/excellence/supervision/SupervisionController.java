package org.cyl.excellence.supervision;

import org.cyl.excellence.organization.Organization;

import java.util.LinkedHashMap;

import java.util.Date;

import java.time.ZoneId;

import java.time.LocalDate;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.cyl.excellence.supervision.OverdueList.Overdue;
import org.cyl.excellence.supervision.Urges.Urged;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Supervision (督查): a committee's overdue list as JSON and as a page, 催办 of an overdue
 * task, over the API and from the page's form, and the bulletin (督查通报) of a period as
 * JSON, a page and a PDF; where the standing duties stand ({@link StandingDuties}).
 */
@Controller
class SupervisionController {

	private final OverdueList overdue;

	private final Urges urges;

	private final Bulletin bulletin;

	private final StandingDuties duties;

	private final TaskPlaces places;

	SupervisionController(OverdueList overdue, Urges urges, Bulletin bulletin, StandingDuties duties,
			TaskPlaces places) {
		this.overdue = overdue;
		this.urges = urges;
		this.bulletin = bulletin;
		this.duties = duties;
		this.places = places;
	}

	/**
	 * Where the standing duties stand in the committee's subtree: each organisation's
	 * step, due date and whether it is late; finished counts since the start of the year.
	 * Who may read it is who may read the overdue list.
	 */
	@GetMapping("/api/supervision/{committeeCode}/duties")
	@ResponseBody
	Map<String, Object> dutiesApi(@PathVariable String committeeCode, Authentication authentication) {
		return duties(committeeCode, authentication);
	}

	@GetMapping("/supervision/{committeeCode}/duties")
	String dutiesPage(@PathVariable String committeeCode, Authentication authentication, Model model) {
		model.addAllAttributes(duties(committeeCode, authentication));
		return "supervision/supervision-duties";
	}

	private Map<String, Object> duties(String committeeCode, Authentication authentication) {
		Organization committee = this.overdue.supervised(committeeCode, authentication, "常态工作进展");
		LocalDate today = LocalDate.now();
		Date from = Date.from(today.withDayOfYear(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
		Date to = Date.from(today.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("committeeCode", committee.code());
		answer.put("committee", committee.name());
		answer.put("year", today.getYear());
		answer.put("duties", this.duties.in(committeeCode, from, to, this.places.tree()));
		return answer;
	}

	@GetMapping("/api/supervision/{committeeCode}/overdue")
	@ResponseBody
	Overdue overdueApi(@PathVariable String committeeCode, Authentication authentication) {
		return this.overdue.of(committeeCode, authentication);
	}

	@GetMapping("/supervision/{committeeCode}/overdue")
	String overduePage(@PathVariable String committeeCode, Authentication authentication, Model model) {
		model.addAttribute("overdue", this.overdue.of(committeeCode, authentication));
		return "supervision/supervision-overdue";
	}

	/**
	 * The bulletin (督查通报) for {@code from} to {@code to} (yyyy-MM-dd, both included;
	 * without them the current month to date).
	 */
	@GetMapping("/api/supervision/{committeeCode}/bulletin")
	@ResponseBody
	Bulletin.Notice bulletinApi(@PathVariable String committeeCode, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Authentication authentication) {
		return this.bulletin.of(committeeCode, from, to, authentication);
	}

	@GetMapping("/supervision/{committeeCode}/bulletin")
	String bulletinPage(@PathVariable String committeeCode, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Authentication authentication, Model model,
			HttpServletResponse response) {
		Bulletin.Notice notice;
		try {
			notice = this.bulletin.of(committeeCode, from, to, authentication);
		}
		catch (IllegalArgumentException ex) {
			// a bad period: say why above the bulletin of the current month
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", ex.getMessage());
			notice = this.bulletin.of(committeeCode, null, null, authentication);
		}
		model.addAttribute("bulletin", notice);
		return "supervision/supervision-bulletin";
	}

	@GetMapping("/supervision/{committeeCode}/bulletin.pdf")
	ResponseEntity<byte[]> bulletinPdf(@PathVariable String committeeCode, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Authentication authentication) {
		Bulletin.Notice notice = this.bulletin.of(committeeCode, from, to, authentication);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition",
					"inline; filename=\"bulletin-" + notice.committeeCode() + "-" + notice.from() + ".pdf\"")
			.body(BulletinPdf.render(notice));
	}

	/** 催办 with an optional message: {@code {"message": "..."}}. */
	@PostMapping("/api/supervision/tasks/{taskId}/urge")
	@ResponseBody
	Urged urgeApi(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> body,
			Authentication authentication) {
		Object message = (body != null) ? body.get("message") : null;
		return this.urges.urge(taskId, (message != null) ? message.toString() : null, authentication);
	}

	/** 催办 from the overdue list's form; back to the list. */
	@PostMapping("/supervision/tasks/{taskId}/urge")
	String urgeForm(@PathVariable String taskId, @RequestParam(required = false) String message,
			@RequestParam String committee, Authentication authentication, RedirectAttributes redirect) {
		if (!committee.matches("[A-Za-z0-9]{1,32}")) {
			throw new IllegalArgumentException("组织代码不正确");
		}
		Urged urged = this.urges.urge(taskId, message, authentication);
		redirect.addFlashAttribute("urged", "已催办“" + urged.taskName() + "”，通知 " + urged.notified().size() + " 人"
				+ ((urged.mailed() > 0) ? "，发送邮件 " + urged.mailed() + " 封" : ""));
		return "redirect:/supervision/" + committee + "/overdue";
	}

}
