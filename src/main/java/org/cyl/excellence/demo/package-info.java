/**
 * The demo university (DemoUniversity, organization's InitialOrganization) and its
 * running campaign (app.demo-data): branches staged at different steps on the first
 * start. No module depends on it.
 */
@ApplicationModule(displayName = "演示数据 · demo",
		allowedDependencies = { "campaign", "branch", "organization", "partyrecommendation" })
package org.cyl.excellence.demo;

import org.springframework.modulith.ApplicationModule;
