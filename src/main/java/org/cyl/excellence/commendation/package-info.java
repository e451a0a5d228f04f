/**
 * CommendationProcess: eligibility, candidates, assessment, deeds, audit, the public
 * notice and its objections, the decision (page, PDF), the honours archive. API:
 * CommendationVariables, HonourArchive, WorkingDays, Commendations (a committee's
 * commendations with the addresses of their pages).
 */
@ApplicationModule(displayName = "评比表彰 · commendation",
		allowedDependencies = { "campaign", "branch", "appraisal", "organization", "documents", "memberappraisal" })
package org.cyl.excellence.commendation;

import org.springframework.modulith.ApplicationModule;
