/**
 * BranchCampaignProcess: mobilisation, pledge rounds, work report, leader review,
 * rectification, 督办整改, recommendation vote; the branch's record and published pledges.
 * API: BranchVariables, PledgeVariables, ReviewVariables, BranchStages, ReviewSummary,
 * Pledges, Recommendations. Keeps appraisal's AppraisalRectified on the record.
 */
@ApplicationModule(displayName = "团支部创先争优 · branch",
		allowedDependencies = { "campaign", "appraisal", "organization", "documents" })
package org.cyl.excellence.branch;

import org.springframework.modulith.ApplicationModule;
