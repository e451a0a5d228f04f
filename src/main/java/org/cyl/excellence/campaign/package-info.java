/**
 * CampaignProcess: the plan, its approval and revision, the fan-out to the branches and
 * their stages (campaign_branch), late branches, completion; the decision log (opinion).
 * API: Plan, PlanForm, CampaignVariables, CampaignProgress, BusinessKeys (the processes'
 * readable business keys), Campaigns (the campaigns and the branches taking part),
 * Opinions (the decision log), CampaignWithdrawal and the event CampaignWithdrawn;
 * CampaignRepository is its own.
 */
@ApplicationModule(displayName = "创先争优活动 · campaign", allowedDependencies = { "organization" })
package org.cyl.excellence.campaign;

import org.springframework.modulith.ApplicationModule;
