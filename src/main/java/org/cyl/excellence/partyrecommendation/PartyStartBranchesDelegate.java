package org.cyl.excellence.partyrecommendation;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.organization.Groups;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.organization.SubtreeFanOut;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.Launch;
import org.cyl.excellence.shared.Dates;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.*;

/**
 * {@code Task_StartBranches} (启动本批支部推优) of PartyRecommendationProcess, inside the
 * parallel multi-instance SubProcess_StartBranches (分批启动支部推优): one asynchronous job per
 * chunk, the chunks' jobs at the same time, starts a BranchPartyRecommendationProcess for
 * each branch of the chunk ({@link SubtreeFanOut}; a retried chunk starts no branch
 * twice). It reads the launch and writes nothing that another chunk writes: its branches'
 * processes and their party_recommendation_branch rows (the count of ended chunks is the
 * engine's, in the job after this task). The committee that agrees, notices and approves
 * a branch's list is the one directly above the branch.
 */
@Component
class PartyStartBranchesDelegate implements JavaDelegate {

	private final PartyRecommendationRepository repository;

	private final SubtreeFanOut fanOut;

	PartyStartBranchesDelegate(PartyRecommendationRepository repository, SubtreeFanOut fanOut) {
		this.repository = repository;
		this.fanOut = fanOut;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long launchId = ((Number) execution.getVariable(LAUNCH_ID)).longValue();
		int chunk = ((Number) execution.getVariable(BRANCH_CHUNK)).intValue();
		Launch launch = this.repository.launch(launchId).orElseThrow();
		this.fanOut.startChunk(launch.committeeCode(), chunk, BRANCH_PROCESS, (branch) -> businessKey(launch, branch),
				(branch) -> variables(launch, branch));
	}

	static String businessKey(Launch launch, Organization branch) {
		return "推优入党（" + launch.stage().label() + "）·" + branch.name() + "（" + branch.code() + "）#L" + launch.id();
	}

	private static Map<String, Object> variables(Launch launch, Organization branch) {
		Map<String, Object> v = new HashMap<>();
		v.put(LAUNCH_ID, launch.id());
		v.put(BRANCH_CODE, branch.code());
		v.put(COMMITTEE_CODE, branch.parentCode());
		v.put(COMMITTEE_GROUP, Groups.of(branch.parentCode(), Role.COMMITTEE));
		v.put(SECRETARY_GROUP, Groups.of(branch.code(), Role.SECRETARY));
		v.put(STAGE, launch.stage().name());
		v.put(STAGE_LABEL, launch.stage().label());
		v.put(PROPOSAL_DUE, Dates.endOf(launch.proposalDue()));
		v.put(MEETING_DUE, Dates.endOf(launch.meetingDue()));
		return v;
	}

}
