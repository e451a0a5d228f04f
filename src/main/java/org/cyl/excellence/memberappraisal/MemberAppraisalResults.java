package org.cyl.excellence.memberappraisal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * A launch's results for its committee: each branch's step and grade counts, the 不合格
 * members named for follow-up, and who may register this year (基本合格 or better). For
 * committee members of the launching committee or one above it, and administrators.
 */
@Service
class MemberAppraisalResults {

	private final MemberAppraisalRepository repository;

	private final OrganizationDirectory organizations;

	MemberAppraisalResults(MemberAppraisalRepository repository, OrganizationDirectory organizations) {
		this.repository = repository;
		this.organizations = organizations;
	}

	record BranchResult(String code, String name, String step, int members, Map<Grade, Integer> counts,
			List<String> unqualified, String sheetPath, String pdfPath) {
	}

	record Results(MemberAppraisalRepository.Appraisal appraisal, String committeeName, List<BranchResult> branches) {

		public List<String> followUp() {
			List<String> names = new ArrayList<>();
			this.branches.forEach((b) -> b.unqualified().forEach((n) -> names.add(n + "（" + b.name() + "）")));
			return names;
		}

	}

	/** The launches of the committees where the person is a committee member. */
	List<MemberAppraisalRepository.Appraisal> mine(Authentication authentication) {
		return this.repository
			.ofCommittees(this.organizations.organizationsWhere(authentication.getName(), Role.COMMITTEE));
	}

	Results open(String appraisalId, Authentication authentication) {
		MemberAppraisalRepository.Appraisal appraisal = this.repository.find(appraisalId)
			.orElseThrow(() -> new NotFoundException("团员教育评议 " + appraisalId + " 不存在"));
		Map<String, Organization> orgs = this.organizations.byCode();
		if (!AppraisalSheet.isAdmin(authentication)
				&& !committeeAtOrAbove(authentication, appraisal.committeeCode(), orgs)) {
			throw new AccessDeniedException("无权查看此次团员教育评议的结果：仅限发起团组织及其上级的委员");
		}
		List<BranchResult> branches = new ArrayList<>();
		for (MemberAppraisalRepository.BranchSheet sheet : this.repository.branches(appraisalId)) {
			List<MemberAppraisalRepository.Entry> entries = this.repository.entries(appraisalId, sheet.branchCode());
			Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
			List<String> unqualified = new ArrayList<>();
			boolean approved = MemberAppraisalRepository.APPROVED.equals(sheet.status());
			for (MemberAppraisalRepository.Entry e : entries) {
				Grade grade = (approved && e.grade() != null) ? Grade.of(e.grade()).orElse(null) : null;
				if (grade != null) {
					counts.merge(grade, 1, Integer::sum);
					if (grade == Grade.UNQUALIFIED) {
						unqualified.add(e.memberName());
					}
				}
			}
			Organization branch = orgs.get(sheet.branchCode());
			branches.add(new BranchResult(sheet.branchCode(), (branch != null) ? branch.name() : sheet.branchCode(),
					stepLabel(sheet.status()), entries.size(), counts, unqualified,
					SheetSummary.path(appraisalId, sheet.branchCode()),
					SheetSummary.path(appraisalId, sheet.branchCode()) + "/grades.pdf"));
		}
		Organization committee = orgs.get(appraisal.committeeCode());
		return new Results(appraisal, (committee != null) ? committee.name() : appraisal.committeeCode(), branches);
	}

	static String stepLabel(String status) {
		return switch (status) {
			case MemberAppraisalRepository.SELF_ASSESSMENT -> "个人自评";
			case MemberAppraisalRepository.SELF_RECORD -> "补录自我评价";
			case MemberAppraisalRepository.MEETING -> "支部大会民主测评";
			case MemberAppraisalRepository.PROPOSAL -> "支委会提出等次";
			case MemberAppraisalRepository.APPROVAL -> "上级审批";
			case MemberAppraisalRepository.APPROVED -> "已批准";
			default -> status;
		};
	}

	private boolean committeeAtOrAbove(Authentication authentication, String code, Map<String, Organization> orgs) {
		List<String> mine = this.organizations.organizationsWhere(authentication.getName(), Role.COMMITTEE);
		for (Organization o = orgs.get(code); o != null; o = (o.parentCode() != null) ? orgs.get(o.parentCode())
				: null) {
			if (mine.contains(o.code())) {
				return true;
			}
		}
		return false;
	}

}
