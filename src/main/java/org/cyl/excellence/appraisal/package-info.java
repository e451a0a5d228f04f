/**
 * MassAppraisalProcess: ballots, the ballot page, the tally, grading by the DMN table,
 * results and the criticism notice; the list of a person's appraisals. API:
 * AppraisalVariables, Answer, BallotService, BallotTokens, AppraisalDirectory (the
 * appraisals a person may reach, with their links), AppraisalOpened (the ballots were
 * issued: an event).
 */
@ApplicationModule(displayName = "群众评议 · appraisal", allowedDependencies = { "campaign", "organization", "documents" })
package org.cyl.excellence.appraisal;

import org.springframework.modulith.ApplicationModule;
