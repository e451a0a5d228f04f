/**
 * 工作台: every person's home after login ({@code /}) — their tasks, notices, organisations
 * and the public pages that concern them — the navigation every page of the application
 * shares, and the task page ({@code /tasks/{id}}), which renders a task's deployed
 * Camunda Form with form-js (served by the application) and submits it through the engine
 * as the person, under the same authorizations and {@code security/EngineBoundary} as
 * Tasklist. It reads through the other modules' public query classes. API:
 * WorkbenchNavigation (the pages' shared header asks it for the unread count).
 */
@ApplicationModule(displayName = "工作台 · workbench",
		allowedDependencies = { "campaign", "branch", "appraisal", "commendation", "supervision", "organization",
				"engine", "security", "memberappraisal", "partyrecommendation", "dutyreport" })
package org.cyl.excellence.workbench;

import org.springframework.modulith.ApplicationModule;
