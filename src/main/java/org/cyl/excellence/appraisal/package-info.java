/**
 * MassAppraisalProcess: ballots, the ballot page, the tally, grading by the DMN table,
 * results and the criticism notice. API: AppraisalVariables, Answer, BallotService,
 * BallotTokens, Appraisals (grades, criticisms, closed appraisals, satisfaction per
 * item), the event AppraisalRectified.
 */
@ApplicationModule(displayName = "群众评议 · appraisal", allowedDependencies = { "campaign", "organization", "documents" })
package org.cyl.excellence.appraisal;

import org.springframework.modulith.ApplicationModule;
