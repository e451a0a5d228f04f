/**
 * MassAppraisalProcess: ballots, the ballot page, the tally, grading by the DMN table,
 * results and the criticism notice; the list of a person's appraisals. API:
 * AppraisalVariables, Answer, BallotService, BallotTokens, Appraisals (grades,
 * criticisms, closed appraisals, satisfaction per item), AppraisalDirectory (the
 * appraisals a person may reach, with their links), the events AppraisalOpened (the
 * ballots were issued), AppraisalRectified and BallotCommented (a ballot's free comment),
 * BallotNotes (what a ballot shows under its items, supplied by other modules); Polls and
 * PollAnswer (one-question polls 好 / 中 / 差 on the same single-use ballots, for the duty
 * report).
 */
@ApplicationModule(displayName = "群众评议 · appraisal", allowedDependencies = { "campaign", "organization", "documents" })
package org.cyl.excellence.appraisal;

import org.springframework.modulith.ApplicationModule;
