package org.cyl.excellence.campaign;

import java.util.Map;

/**
 * What the fan-out (StartBranchesDelegate) asks the module of the branch's process: the
 * variables {@link CampaignVariables#BRANCH_PROCESS} starts with for one branch; and what
 * a withdrawal (WithdrawCampaignDelegate) asks of it: ending them all. Campaign knows
 * that process only by its key, so that branch may depend on campaign and not the other
 * way round; branch's BranchStart implements it.
 */
public interface BranchProcesses {

	/**
	 * Everything the branch's process needs: ids, candidate groups, rounds, due dates.
	 */
	Map<String, Object> startVariables(Campaign campaign, String branchCode);

	/**
	 * Ends every branch process of the campaign that still runs, with the processes they
	 * called, the reason as delete reason: asynchronously (a batch of the engine), so
	 * that thousands of branches do not end in the caller's transaction. Returns how many
	 * were running.
	 */
	long endAll(Campaign campaign, String reason);

}
