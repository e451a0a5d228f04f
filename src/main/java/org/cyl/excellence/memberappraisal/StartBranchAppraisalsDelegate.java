package org.cyl.excellence.memberappraisal;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.organization.SubtreeFanOut;

import org.springframework.stereotype.Component;

import static org.cyl.excellence.memberappraisal.MemberAppraisalVariables.*;

/**
 * {@code Task_StartBranchAppraisals} (启动本批支部评议) of MemberAppraisalProcess, inside the
 * parallel multi-instance SubProcess_StartBranchAppraisals (分批启动支部评议): one asynchronous
 * job per chunk of branches, the chunks' jobs at the same time, starts a
 * BranchMemberAppraisalProcess for each through {@link SubtreeFanOut}. It writes nothing
 * that another chunk writes: its branches' processes and their sheets (the count of ended
 * chunks is the engine's, in the job after this task). The business key names the year
 * and the branch, so a branch is appraised once a year even when a 团委 and its 团总支 both
 * launch (the second launch skips it), and a chunk taken up again starts no branch twice.
 */
@Component
class StartBranchAppraisalsDelegate implements JavaDelegate {

	private final SubtreeFanOut fanOut;

	StartBranchAppraisalsDelegate(SubtreeFanOut fanOut) {
		this.fanOut = fanOut;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String committee = (String) execution.getVariable(COMMITTEE_CODE);
		int chunk = ((Number) execution.getVariable(BRANCH_CHUNK)).intValue();
		int year = ((Number) execution.getVariable(APPRAISAL_YEAR)).intValue();
		String appraisalId = (String) execution.getVariable(APPRAISAL_ID);
		this.fanOut.startChunk(committee, chunk, BRANCH_PROCESS,
				(branch) -> year + "年度团员教育评议 · " + branch.name() + "（" + branch.code() + "）", (branch) -> {
					Map<String, Object> variables = new HashMap<>();
					variables.put(APPRAISAL_ID, appraisalId);
					variables.put(COMMITTEE_CODE, committee);
					variables.put(BRANCH_CODE, branch.code());
					variables.put(BRANCH_NAME, branch.name());
					return variables;
				});
	}

}
