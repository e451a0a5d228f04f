/**
 * 工作台: every person's home after login ({@code /}) — their tasks, notices, organisations
 * and the public pages that concern them — and the navigation every page of the
 * application shares. It only reads, through the other modules' public query classes.
 * API: WorkbenchNavigation (the pages' shared header asks it for the unread count).
 */
@ApplicationModule(displayName = "工作台 · workbench", allowedDependencies = { "campaign", "branch", "appraisal",
		"commendation", "supervision", "organization", "engine" })
package org.cyl.excellence.workbench;

import org.springframework.modulith.ApplicationModule;
