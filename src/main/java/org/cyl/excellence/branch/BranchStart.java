package org.cyl.excellence.branch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.cyl.excellence.campaign.BranchProcesses;
import org.cyl.excellence.campaign.Campaign;
import org.cyl.excellence.campaign.Plan;
import org.cyl.excellence.organization.Groups;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.shared.Dates;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.campaign.CampaignVariables.BRANCH_PROCESS;
import static org.cyl.excellence.campaign.CampaignVariables.CAMPAIGN_ID;
import static org.cyl.excellence.campaign.CampaignVariables.CAMPAIGN_TITLE;

/**
 * The variables a BranchCampaignProcess starts with, asked by campaign's fan-out
 * (StartBranchesDelegate) for each branch it starts: only this module knows its process's
 * variables. And the end of them all when the campaign is withdrawn.
 */
@Component
class BranchStart implements BranchProcesses {

	private final OrganizationDirectory organizations;

	private final RuntimeService runtimeService;

	BranchStart(OrganizationDirectory organizations, RuntimeService runtimeService) {
		this.organizations = organizations;
		this.runtimeService = runtimeService;
	}

	/**
	 * The branch processes of the campaign (those whose {@code campaignId} is the
	 * campaign's: the business key is for people to read) in one batch of deletions: the
	 * engine's batch jobs end them in chunks, each with its called processes (the mass
	 * appraisal) and its tasks. Custom listeners are skipped: an ended branch is no
	 * finished branch (BranchStageListener must not count it).
	 */
	@Override
	public long endAll(Campaign campaign, String reason) {
		ProcessInstanceQuery running = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(BRANCH_PROCESS)
			.variableValueEquals(CAMPAIGN_ID, campaign.id());
		long count = running.count();
		if (count > 0) {
			this.runtimeService.deleteProcessInstancesAsync(null, running, null, reason, true, false);
		}
		return count;
	}

	/**
	 * Everything the branch's process needs: ids, candidate groups, rounds, due dates.
	 */
	@Override
	public Map<String, Object> startVariables(Campaign campaign, String branchCode) {
		Plan plan = campaign.plan();
		Organization branch = this.organizations.find(branchCode).orElseThrow();
		Organization parent = this.organizations.find(branch.parentCode()).orElseThrow();
		String reviewCommittee = Groups.of(parent.code(), Role.COMMITTEE);
		String higher = (parent.parentCode() != null) ? Groups.of(parent.parentCode(), Role.COMMITTEE)
				: reviewCommittee;
		String party = this.organizations.partyOrganizationOf(branchCode)
			.map((code) -> Groups.of(code, Role.REVIEWER))
			.orElse(reviewCommittee);
		Map<String, Object> variables = new HashMap<>();
		variables.put(CAMPAIGN_ID, campaign.id());
		variables.put(CAMPAIGN_TITLE, plan.title());
		variables.put(BranchVariables.BRANCH_CODE, branchCode);
		variables.put(BranchVariables.BRANCH_NAME, branch.name());
		variables.put(BranchVariables.SECRETARY_GROUP, Groups.of(branchCode, Role.SECRETARY));
		variables.put(BranchVariables.REVIEW_COMMITTEE_GROUP, reviewCommittee);
		variables.put(BranchVariables.PARTY_REVIEW_GROUP, party);
		variables.put(BranchVariables.HIGHER_COMMITTEE_GROUP, higher);
		List<Integer> rounds = plan.rounds().stream().map(Plan.Round::number).toList();
		variables.put(BranchVariables.ROUND_NUMBERS, rounds);
		variables.put(BranchVariables.MEMBER_COUNT, this.organizations.members(branchCode).size());
		variables.put(BranchVariables.MOBILIZATION_DUE, Dates.endOf(plan.mobilizationEnd()));
		variables.put(BranchVariables.REPORT_DUE, Dates.endOf(plan.reviewDate()));
		variables.put(BranchVariables.REVIEW_DUE, Dates.endOf(plan.reviewDate().plusDays(7)));
		variables.put(BranchVariables.RECOMMEND_DUE, Dates.endOf(plan.summaryEnd()));
		variables.put(BranchVariables.FAILED_REVIEWS, 0);
		return variables;
	}

}
