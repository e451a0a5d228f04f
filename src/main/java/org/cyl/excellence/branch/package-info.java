/**
 * BranchCampaignProcess: mobilisation, pledge rounds, work report, leader review,
 * rectification, 督办整改, recommendation vote; the branch's record and published pledges.
 * API: BranchVariables, PledgeVariables, ReviewVariables, BranchStages, ReviewSummary,
 * Pledges, Recommendations, the event SuggestionReceived. Keeps appraisal's
 * AppraisalRectified on the record; the public page of a branch's pledges (公开承诺), its
 * wall poster and the suggestions (多提意见), fed also by appraisal's BallotCommented;
 * supplies appraisal's BallotNotes.
 */
@ApplicationModule(displayName = "团支部创先争优 · branch",
		allowedDependencies = { "campaign", "appraisal", "organization", "documents" })
package org.cyl.excellence.branch;

import org.springframework.modulith.ApplicationModule;
