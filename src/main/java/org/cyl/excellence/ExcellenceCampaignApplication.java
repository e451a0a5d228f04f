package org.cyl.excellence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * 创先争优工作平台: the League's strive-for-excellence campaign run on an embedded Camunda 7
 * engine.
 *
 * <p>
 * Each top-level package is a module (Spring Modulith; README.md, Layout): it owns its
 * models, forms, tables and pages, and offers the others its public classes only. Every
 * module may use {@code shared}; what else each may use its {@code package-info.java}
 * says (ModularityTests, ModuleBoundaryTests).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "excellence-campaign", sharedModules = { "shared" })
public class ExcellenceCampaignApplication {

	public static void main(String[] args) {
		SpringApplication.run(ExcellenceCampaignApplication.class, args);
	}

}
