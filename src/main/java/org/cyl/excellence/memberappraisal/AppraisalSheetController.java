package org.cyl.excellence.memberappraisal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cyl.excellence.shared.FormData;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The branch's appraisal sheet (评议登记表) as a page
 * ({@code /member-appraisals/{id}/branches/{code}}, linked from the branch's tasks on the
 * task page and in Tasklist) and as JSON ({@code GET} and {@code POST
 * /api/member-appraisals/{id}/branches/{code}/lines}); see {@link AppraisalSheet}.
 */
@Controller
class AppraisalSheetController {

	private final AppraisalSheet sheets;

	AppraisalSheetController(AppraisalSheet sheets) {
		this.sheets = sheets;
	}

	@GetMapping("/member-appraisals/{appraisalId}/branches/{branchCode}")
	String page(@PathVariable String appraisalId, @PathVariable String branchCode,
			@RequestParam(required = false) String saved, Authentication auth, Model model) {
		model.addAttribute("view", this.sheets.open(appraisalId, branchCode, auth));
		model.addAttribute("grades", Grade.values());
		model.addAttribute("saved", saved != null);
		return "memberappraisal/sheet";
	}

	@PostMapping("/member-appraisals/{appraisalId}/branches/{branchCode}")
	String save(@PathVariable String appraisalId, @PathVariable String branchCode,
			@RequestParam Map<String, String> params, Authentication auth) {
		AppraisalSheet.View view = this.sheets.open(appraisalId, branchCode, auth);
		List<AppraisalSheet.Line> lines = new ArrayList<>();
		for (MemberAppraisalRepository.Entry e : view.entries()) {
			String no = e.leagueNo();
			if (view.editsSelfAssessments() && params.get("self_" + no) == null) {
				continue;
			}
			lines.add(new AppraisalSheet.Line(no, params.get("self_" + no), number(params, "ve_", e),
					number(params, "vq_", e), number(params, "vb_", e), number(params, "vu_", e),
					params.get("grade_" + no), params.get("reason_" + no)));
		}
		this.sheets.save(appraisalId, branchCode, lines, auth);
		return "redirect:/member-appraisals/" + appraisalId + "/branches/" + branchCode + "?saved";
	}

	@GetMapping("/api/member-appraisals/{appraisalId}/branches/{branchCode}")
	@ResponseBody
	Map<String, Object> read(@PathVariable String appraisalId, @PathVariable String branchCode, Authentication auth) {
		return json(this.sheets.open(appraisalId, branchCode, auth));
	}

	@PostMapping("/api/member-appraisals/{appraisalId}/branches/{branchCode}/lines")
	@ResponseBody
	Map<String, Object> write(@PathVariable String appraisalId, @PathVariable String branchCode,
			@RequestBody(required = false) List<AppraisalSheet.Line> lines, Authentication auth) {
		return json(this.sheets.save(appraisalId, branchCode, lines, auth));
	}

	private static Integer number(Map<String, String> params, String prefix, MemberAppraisalRepository.Entry e) {
		String text = params.get(prefix + e.leagueNo());
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw FormData.invalid(e.memberName() + "的票数", "应为整数");
		}
	}

	private static Map<String, Object> json(AppraisalSheet.View view) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("appraisalId", view.appraisal().id());
		answer.put("year", view.appraisal().year());
		answer.put("branchCode", view.branch().code());
		answer.put("branchName", view.branch().name());
		answer.put("step", view.step());
		answer.put("stepLabel", view.stepLabel());
		answer.put("editable", view.editable());
		List<Map<String, Object>> lines = new ArrayList<>();
		for (MemberAppraisalRepository.Entry e : view.entries()) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("leagueNo", e.leagueNo());
			line.put("name", e.memberName());
			line.put("selfAssessment", e.selfAssessment());
			line.put("votesExcellent", e.votesExcellent());
			line.put("votesQualified", e.votesQualified());
			line.put("votesBasic", e.votesBasic());
			line.put("votesUnqualified", e.votesUnqualified());
			line.put("voteGrade", (e.voteGrade() != null) ? e.voteGrade().label() : null);
			line.put("grade", e.grade());
			line.put("reason", e.gradeReason());
			lines.add(line);
		}
		answer.put("lines", lines);
		return answer;
	}

}
