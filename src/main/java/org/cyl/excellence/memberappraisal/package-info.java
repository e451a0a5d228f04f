/**
 * 团员教育评议 (the annual member appraisal): MemberAppraisalProcess launches it for a
 * committee's subtree, BranchMemberAppraisalProcess runs it in each branch — self-
 * assessments, the branch meeting with its quorum, the vote counts per member, the grades
 * the branch committee proposes ("看票不唯票", 优秀 within the DMN table MemberAppraisalQuota)
 * and the approval by the committee above — on the branch's appraisal sheet (评议登记表, the
 * module's own page). API: MemberGrades (a member's approved grade of a year, a branch's
 * grades), MemberAppraisalVariables.
 */
@ApplicationModule(displayName = "团员教育评议 · memberappraisal", allowedDependencies = { "organization", "documents" })
package org.cyl.excellence.memberappraisal;

import org.springframework.modulith.ApplicationModule;
