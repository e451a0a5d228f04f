package org.cyl.excellence.campaign;

import org.cyl.excellence.branch.BranchVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.campaign.CampaignRepository.Campaign;
import org.cyl.excellence.organization.Groups;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.shared.Dates;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.campaign.CampaignVariables.BRANCH_CHUNK;
import static org.cyl.excellence.campaign.CampaignVariables.BRANCH_PROCESS;
import static org.cyl.excellence.campaign.CampaignVariables.CAMPAIGN_ID;
import static org.cyl.excellence.campaign.CampaignVariables.CAMPAIGN_TITLE;

/**
 * {@code Task_StartBranches} (分批启动支部活动) of CampaignProcess: one asynchronous job per
 * chunk of branches starts a BranchCampaignProcess for each, with business key
 * {@code <campaign>:<branch>}. A chunk retried after a failure never starts a branch
 * twice: a branch that already has its process is skipped.
 */
@Component
class StartBranchesDelegate implements JavaDelegate {

	private final CampaignRepository campaigns;

	private final OrganizationDirectory organizations;

	private final ListBranchesDelegate listBranches;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	StartBranchesDelegate(CampaignRepository campaigns, OrganizationDirectory organizations,
			ListBranchesDelegate listBranches, RuntimeService runtimeService, HistoryService historyService) {
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.listBranches = listBranches;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
	}

	public static String businessKey(String campaignId, String branchCode) {
		return campaignId + ":" + branchCode;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String campaignId = (String) execution.getVariable(CAMPAIGN_ID);
		int chunk = ((Number) execution.getVariable(BRANCH_CHUNK)).intValue();
		Campaign campaign = this.campaigns.find(campaignId).orElseThrow();
		for (String branch : this.campaigns.branchChunk(campaignId, chunk, this.listBranches.chunkSize())) {
			if (this.campaigns.branchProcessInstance(campaignId, branch).isPresent()
					|| alreadyStarted(campaignId, branch)) {
				continue;
			}
			String id = this.runtimeService
				.startProcessInstanceByKey(BRANCH_PROCESS, businessKey(campaignId, branch), variables(campaign, branch))
				.getProcessInstanceId();
			this.campaigns.branchStarted(campaignId, branch, id);
		}
	}

	private boolean alreadyStarted(String campaignId, String branch) {
		return this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(BRANCH_PROCESS)
			.processInstanceBusinessKey(businessKey(campaignId, branch))
			.count() > 0;
	}

	/**
	 * Everything the branch's process needs: ids, candidate groups, rounds, due dates.
	 */
	Map<String, Object> variables(Campaign campaign, String branchCode) {
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
