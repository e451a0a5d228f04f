package org.cyl.excellence.memberappraisal;

import java.util.ArrayList;
import java.util.List;

import org.cyl.excellence.documents.Spreadsheets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 团员评议 in the navigation: the launches of the person's committees
 * ({@code /member-appraisals}), a launch's results per branch with the 不合格 follow-up list
 * ({@code /member-appraisals/{id}}), the year's grades per branch as XLSX for the
 * League's national system ({@code …/grades.xlsx}) and a branch's grades as a PDF for
 * signing ({@code …/branches/{code}/grades.pdf}).
 */
@Controller
class MemberAppraisalResultsController {

	private final MemberAppraisalResults results;

	private final AppraisalSheet sheets;

	private final MemberAppraisalRepository repository;

	MemberAppraisalResultsController(MemberAppraisalResults results, AppraisalSheet sheets,
			MemberAppraisalRepository repository) {
		this.results = results;
		this.sheets = sheets;
		this.repository = repository;
	}

	@GetMapping("/member-appraisals")
	String list(Authentication auth, Model model) {
		model.addAttribute("appraisals", this.results.mine(auth));
		return "memberappraisal/appraisals";
	}

	@GetMapping("/member-appraisals/{appraisalId}")
	String results(@PathVariable String appraisalId, Authentication auth, Model model) {
		model.addAttribute("results", this.results.open(appraisalId, auth));
		model.addAttribute("grades", Grade.values());
		return "memberappraisal/results";
	}

	@GetMapping("/member-appraisals/{appraisalId}/grades.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String appraisalId, Authentication auth) {
		MemberAppraisalResults.Results results = this.results.open(appraisalId, auth);
		List<Object[]> rows = new ArrayList<>();
		for (MemberAppraisalResults.BranchResult branch : results.branches()) {
			boolean approved = "已批准".equals(branch.step());
			for (MemberAppraisalRepository.Entry e : this.repository.entries(appraisalId, branch.code())) {
				String registration = (!approved || e.grade() == null) ? ""
						: Grade.of(e.grade()).map((g) -> g.allowsRegistration() ? "可注册" : "不予注册").orElse("");
				rows.add(new Object[] { branch.name(), branch.code(), e.leagueNo(), e.memberName(),
						approved ? e.grade() : "", e.votesExcellent(), e.votesQualified(), e.votesBasic(),
						e.votesUnqualified(), e.gradeReason(), registration, branch.step() });
			}
		}
		return Spreadsheets.xlsx(results.appraisal().year() + "年度团员教育评议等次", "评议等次", new String[] { "团支部", "团支部编号",
				"团员编号", "姓名", "评议等次", "优秀票", "合格票", "基本合格票", "不合格票", "理由", "团籍注册", "状态" }, rows);
	}

	@GetMapping("/member-appraisals/{appraisalId}/branches/{branchCode}/grades.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String appraisalId, @PathVariable String branchCode, Authentication auth) {
		AppraisalSheet.View view = this.sheets.open(appraisalId, branchCode, auth);
		byte[] pdf = GradesPdf.render(view.appraisal().title(), view.branch().name(), view.sheet(), view.entries());
		return Spreadsheets.download(pdf, view.appraisal().year() + "年度团员教育评议-" + view.branch().name() + ".pdf",
				MediaType.APPLICATION_PDF);
	}

}
