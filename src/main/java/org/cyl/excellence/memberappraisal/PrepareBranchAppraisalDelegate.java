package org.cyl.excellence.memberappraisal;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.organization.Groups;
import org.cyl.excellence.organization.Member;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.shared.Dates;

import org.springframework.stereotype.Component;

import static org.cyl.excellence.memberappraisal.MemberAppraisalVariables.*;

/**
 * {@code Task_PrepareBranchAppraisal} (建立评议登记表) of BranchMemberAppraisalProcess: makes
 * the branch's sheet with a line per member, and sets what the tasks read — the members
 * with an account who write their self-assessment, the secretary's group, the group of
 * the committee directly above (who approves), the deadlines.
 */
@Component
class PrepareBranchAppraisalDelegate implements JavaDelegate {

	private final MemberAppraisalRepository repository;

	private final OrganizationDirectory organizations;

	PrepareBranchAppraisalDelegate(MemberAppraisalRepository repository, OrganizationDirectory organizations) {
		this.repository = repository;
		this.organizations = organizations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String appraisalId = (String) execution.getVariable(APPRAISAL_ID);
		String branchCode = (String) execution.getVariable(BRANCH_CODE);
		MemberAppraisalRepository.Appraisal appraisal = this.repository.find(appraisalId).orElseThrow();
		Organization branch = this.organizations.find(branchCode).orElseThrow();
		List<Member> members = this.organizations.members(branchCode);
		this.repository.createBranch(appraisalId, branchCode, appraisal.year(), execution.getProcessInstanceId(),
				members);
		execution.setVariable(APPRAISAL_TITLE, appraisal.title());
		execution.setVariable(APPRAISAL_YEAR, appraisal.year());
		execution.setVariable(SECRETARY_GROUP, Groups.of(branchCode, Role.SECRETARY));
		execution.setVariable(APPROVER_GROUP, Groups.of(branch.parentCode(), Role.COMMITTEE));
		execution.setVariable(ASSESSING_MEMBERS,
				members.stream().map(Member::username).filter(Objects::nonNull).toList());
		execution.setVariable(SELF_ASSESSMENT_DUE, Dates.endOf(appraisal.selfAssessmentDue()));
		// members who miss the deadline have a week more before the secretary records
		execution.setVariable(SELF_ASSESSMENT_CLOSE, Dates.endOf(appraisal.selfAssessmentDue().plusDays(7)));
		execution.setVariable(RECORD_DUE, Dates.endOf(appraisal.selfAssessmentDue().plusDays(14)));
		execution.setVariable(MEETING_DUE, Dates.endOf(appraisal.meetingDue()));
		execution.setVariable(PROPOSAL_DUE, Dates.endOf(appraisal.meetingDue().plusDays(7)));
		execution.setVariable(APPROVAL_DUE, Dates.endOf(appraisal.meetingDue().plusDays(21)));
	}

}
