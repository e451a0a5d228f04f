/**
 * 双向述职评议 (the secretaries' two-way duty report, 书记抓、抓书记): DutyReportProcess launched by a
 * committee for its subtree and SecretaryDutyReportProcess for each reporting secretary —
 * the written report (述学述职), the committee's comment (点评), the members' anonymous
 * appraisal 好 / 中 / 差 on the appraisal module's single-use ballots ({@code Polls}), the
 * rating by the DMN table DutyReportRating and the rectification (限期整改) of a secretary
 * appraised 差. API: DutyReports (the reports and results, for the committee's page, the
 * exports and a secretary's record).
 */
@ApplicationModule(displayName = "双向述职评议 · dutyreport",
		allowedDependencies = { "organization", "appraisal", "supervision", "documents" })
package org.cyl.excellence.dutyreport;

import org.springframework.modulith.ApplicationModule;
