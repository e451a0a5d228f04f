package org.cyl.excellence.campaign;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.campaign.CampaignVariables.BRANCH_CHUNK;
import static org.cyl.excellence.campaign.CampaignVariables.BRANCH_PROCESS;
import static org.cyl.excellence.campaign.CampaignVariables.CAMPAIGN_ID;

/**
 * {@code Task_StartBranches} (启动本批支部活动) of CampaignProcess, inside the parallel
 * multi-instance SubProcess_StartBranches (分批启动支部活动): one asynchronous job per chunk of
 * branches, the chunks' jobs run at the same time on every thread of every node; it
 * starts a BranchCampaignProcess for each branch of its chunk, with the readable business
 * key of {@link BusinessKeys#branch} (campaign title, branch, code). It writes nothing
 * that another chunk writes: its chunk's branch processes and their
 * {@code campaign_branch} rows (the count of finished chunks is the engine's, in the job
 * after this task). A chunk retried after a failure never starts a branch twice: a branch
 * that already has its process is skipped. A campaign withdrawn meanwhile starts nothing
 * more (its withdrawal also removed the chunk jobs still waiting, and a chunk running at
 * that moment cannot commit: the withdrawal deleted its execution).
 */
@Component
class StartBranchesDelegate implements JavaDelegate {

	private final CampaignRepository campaigns;

	private final BranchProcesses branches;

	private final ListBranchesDelegate listBranches;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final OrganizationDirectory organizations;

	StartBranchesDelegate(CampaignRepository campaigns, BranchProcesses branches, ListBranchesDelegate listBranches,
			RuntimeService runtimeService, HistoryService historyService, OrganizationDirectory organizations) {
		this.campaigns = campaigns;
		this.branches = branches;
		this.listBranches = listBranches;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.organizations = organizations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String campaignId = (String) execution.getVariable(CAMPAIGN_ID);
		int chunk = ((Number) execution.getVariable(BRANCH_CHUNK)).intValue();
		Campaign campaign = this.campaigns.find(campaignId).orElseThrow();
		if (CampaignWithdrawal.WITHDRAWN.equals(campaign.status())) {
			return;
		}
		for (String branch : this.campaigns.branchChunk(campaignId, chunk, this.listBranches.chunkSize())) {
			if (this.campaigns.branchProcessInstance(campaignId, branch).isPresent()) {
				continue;
			}
			String businessKey = BusinessKeys.branch(campaign.plan().title(),
					this.organizations.find(branch).orElseThrow(), campaignId);
			if (alreadyStarted(businessKey)) {
				continue;
			}
			String id = this.runtimeService
				.startProcessInstanceByKey(BRANCH_PROCESS, businessKey, this.branches.startVariables(campaign, branch))
				.getProcessInstanceId();
			this.campaigns.branchStarted(campaignId, branch, id);
		}
	}

	/**
	 * Whether the branch's process exists already: looked up by its whole business key
	 * (an index look-up; a search for the key's end walked the history of every branch
	 * process, once per branch started — minutes for 30,000 branches).
	 */
	private boolean alreadyStarted(String businessKey) {
		return this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(BRANCH_PROCESS)
			.processInstanceBusinessKey(businessKey)
			.count() > 0;
	}

}
