/**
 * CampaignProcess: the plan, its approval and revision, the fan-out to the branches and
 * their stages (campaign_branch), late branches, completion; the decision log (opinion).
 * API: Plan, CampaignVariables, CampaignProgress, BusinessKeys (the processes' readable
 * business keys), CampaignRepository (until the query classes of the module plan replace
 * it).
 */
@ApplicationModule(displayName = "创先争优活动 · campaign", allowedDependencies = { "organization" })
package org.cyl.excellence.campaign;

import org.springframework.modulith.ApplicationModule;
