package org.cyl.excellence.memberappraisal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.shared.FormData;
import org.cyl.excellence.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A branch's appraisal sheet (评议登记表): per-member data that a Camunda Form cannot hold
 * (design.md: no dynamic lists), read by the branch's secretary, the committee members of
 * the organisations above it and administrators; written by the branch's secretary only,
 * and only the column of the step the branch is at — self-assessments (of members without
 * an account or who missed the deadline) until the meeting, the vote counts at the
 * meeting, the grades and reasons while they are proposed. Bad values are refused with a
 * Chinese message and nothing of the request is written.
 */
@Service
class AppraisalSheet {

	private final MemberAppraisalRepository repository;

	private final OrganizationDirectory organizations;

	AppraisalSheet(MemberAppraisalRepository repository, OrganizationDirectory organizations) {
		this.repository = repository;
		this.organizations = organizations;
	}

	/** What a person may do with the sheet at its current step. */
	record View(MemberAppraisalRepository.Appraisal appraisal, Organization branch,
			MemberAppraisalRepository.BranchSheet sheet, List<MemberAppraisalRepository.Entry> entries, String step,
			boolean editable) {

		public boolean editsSelfAssessments() {
			return this.editable && (MemberAppraisalRepository.SELF_ASSESSMENT.equals(this.step)
					|| MemberAppraisalRepository.SELF_RECORD.equals(this.step));
		}

		public boolean editsVotes() {
			return this.editable && MemberAppraisalRepository.MEETING.equals(this.step);
		}

		public boolean editsGrades() {
			return this.editable && MemberAppraisalRepository.PROPOSAL.equals(this.step);
		}

		public String stepLabel() {
			return MemberAppraisalResults.stepLabel(this.step);
		}

	}

	/** One member's line as a request submits it; fields of other steps are ignored. */
	record Line(String leagueNo, String selfAssessment, Integer votesExcellent, Integer votesQualified,
			Integer votesBasic, Integer votesUnqualified, String grade, String reason) {
	}

	View open(String appraisalId, String branchCode, Authentication authentication) {
		MemberAppraisalRepository.Appraisal appraisal = this.repository.find(appraisalId)
			.orElseThrow(() -> new NotFoundException("团员教育评议 " + appraisalId + " 不存在"));
		MemberAppraisalRepository.BranchSheet sheet = this.repository.branch(appraisalId, branchCode)
			.orElseThrow(() -> new NotFoundException("团支部 " + branchCode + " 不在此次评议中"));
		Organization branch = this.organizations.find(branchCode)
			.orElseThrow(() -> new NotFoundException("团支部 " + branchCode + " 不存在"));
		boolean secretary = isAdmin(authentication)
				|| this.organizations.organizationsWhere(authentication.getName(), Role.SECRETARY).contains(branchCode);
		if (!secretary && !committeeAbove(authentication, branch)) {
			throw new AccessDeniedException("无权查看" + branch.name() + "的评议登记表：仅限本支部书记和上级团组织委员");
		}
		boolean editable = this.organizations.organizationsWhere(authentication.getName(), Role.SECRETARY)
			.contains(branchCode);
		return new View(appraisal, branch, sheet, this.repository.entries(appraisalId, branchCode), sheet.status(),
				editable);
	}

	@Transactional
	View save(String appraisalId, String branchCode, List<Line> lines, Authentication authentication) {
		View view = open(appraisalId, branchCode, authentication);
		if (!view.editable()) {
			throw new AccessDeniedException("只有" + view.branch().name() + "的团支部书记可以登记评议登记表");
		}
		if (!view.editsSelfAssessments() && !view.editsVotes() && !view.editsGrades()) {
			throw FormData.invalid("评议登记表", "在“" + view.stepLabel() + "”阶段不能修改");
		}
		if (lines == null || lines.isEmpty()) {
			throw FormData.invalid("评议登记表", "没有要登记的内容");
		}
		Map<String, MemberAppraisalRepository.Entry> byNo = new java.util.HashMap<>();
		view.entries().forEach((e) -> byNo.put(e.leagueNo(), e));
		Set<String> seen = new java.util.HashSet<>();
		for (Line line : lines) {
			MemberAppraisalRepository.Entry entry = (line == null || line.leagueNo() == null) ? null
					: byNo.get(line.leagueNo());
			if (entry == null) {
				throw FormData.invalid("团员", "不在本支部的评议登记表中：" + ((line != null) ? line.leagueNo() : null));
			}
			if (!seen.add(entry.leagueNo())) {
				throw FormData.invalid(entry.memberName(), "重复登记");
			}
			if (view.editsSelfAssessments()) {
				saveSelfAssessment(appraisalId, entry, line, authentication.getName());
			}
			else if (view.editsVotes()) {
				int[] votes = { count(entry, "优秀", line.votesExcellent()), count(entry, "合格", line.votesQualified()),
						count(entry, "基本合格", line.votesBasic()), count(entry, "不合格", line.votesUnqualified()) };
				this.repository.saveVotes(appraisalId, entry.leagueNo(), votes);
			}
			else {
				String grade = (line.grade() == null || line.grade().isBlank()) ? null : line.grade().trim();
				if (grade != null && Grade.of(grade).isEmpty()) {
					throw FormData.invalid(entry.memberName() + "的等次", "的取值“" + grade + "”无效（优秀、合格、基本合格、不合格）");
				}
				String reason = (line.reason() == null || line.reason().isBlank()) ? null : line.reason().trim();
				if (reason != null && reason.length() > GradeRules.MAX_REASON) {
					throw FormData.invalid(entry.memberName() + "的理由", "不能超过 " + GradeRules.MAX_REASON + " 个字");
				}
				this.repository.saveGrade(appraisalId, entry.leagueNo(), grade, reason);
			}
		}
		return open(appraisalId, branchCode, authentication);
	}

	private void saveSelfAssessment(String appraisalId, MemberAppraisalRepository.Entry entry, Line line,
			String secretary) {
		String text = (line.selfAssessment() == null) ? null : line.selfAssessment().trim();
		if (text == null || text.isEmpty()) {
			return;
		}
		if (entry.username() != null && entry.username().equals(entry.selfAssessmentBy())) {
			throw FormData.invalid(entry.memberName() + "的自我评价", "已由本人提交，不能代为修改");
		}
		if (text.length() < SelfAssessmentListener.MIN || text.length() > SelfAssessmentListener.MAX) {
			throw FormData.invalid(entry.memberName() + "的自我评价",
					"应为 " + SelfAssessmentListener.MIN + " 到 " + SelfAssessmentListener.MAX + " 个字");
		}
		this.repository.saveSelfAssessment(appraisalId, entry.leagueNo(), text, secretary);
	}

	private static int count(MemberAppraisalRepository.Entry entry, String grade, Integer value) {
		if (value == null) {
			throw FormData.invalid(entry.memberName() + "的“" + grade + "”票数", "不能为空");
		}
		if (value < 0 || value > 10000) {
			throw FormData.invalid(entry.memberName() + "的“" + grade + "”票数", "应在 0 到 10000 之间");
		}
		return value;
	}

	/** A committee member of one of the organisations above the branch. */
	private boolean committeeAbove(Authentication authentication, Organization branch) {
		List<String> mine = this.organizations.organizationsWhere(authentication.getName(), Role.COMMITTEE);
		if (mine.isEmpty()) {
			return false;
		}
		for (String code = branch.parentCode(); code != null; code = this.organizations.find(code)
			.map(Organization::parentCode)
			.orElse(null)) {
			if (mine.contains(code)) {
				return true;
			}
		}
		return false;
	}

	static boolean isAdmin(Authentication authentication) {
		return authentication.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals("ROLE_ADMIN"));
	}

}
