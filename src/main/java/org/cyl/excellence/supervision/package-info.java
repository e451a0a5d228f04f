/**
 * 督查 over every process: overdue tasks (overdueTaskListener on every user task's due
 * date), the overdue list, 催办 and notices and their e-mails, 督查通报 (page, PDF), the
 * campaigns and their dashboard (活动进展). API: Notices (a person's unread count and first
 * notices, how often tasks were urged), for workbench.
 */
@ApplicationModule(displayName = "督查 · supervision",
		allowedDependencies = { "campaign", "branch", "appraisal", "organization", "documents" })
package org.cyl.excellence.supervision;

import org.springframework.modulith.ApplicationModule;
