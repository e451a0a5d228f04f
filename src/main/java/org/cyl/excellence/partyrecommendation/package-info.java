/**
 * 推优入党: a committee launches the recommendation of outstanding members to the Party for
 * its subtree (PartyRecommendationProcess), each branch proposes, meets, votes, checks
 * and has its list noticed and approved (BranchPartyRecommendationProcess); the
 * recommendations with their validity, the 推荐表 PDFs and the committee's export. API:
 * PartyRecommendationVariables, RecommendationStage, PartyRecommendations (a member's
 * recommendations and whether one is valid).
 */
@ApplicationModule(displayName = "推优入党 · partyrecommendation",
		allowedDependencies = { "organization", "commendation", "documents" })
package org.cyl.excellence.partyrecommendation;

import org.springframework.modulith.ApplicationModule;
