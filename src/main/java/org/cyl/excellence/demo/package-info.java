/**
 * The demo university (DemoUniversity, organization's InitialOrganization) and its
 * running campaign (app.demo-data): branches staged at different steps on the first
 * start; the running member appraisal (DemoMemberAppraisal). No module depends on it.
 */
@ApplicationModule(displayName = "演示数据 · demo", allowedDependencies = { "campaign", "branch", "organization",
		"memberappraisal", "dutyreport", "partyrecommendation" })
package org.cyl.excellence.demo;

import org.springframework.modulith.ApplicationModule;
