package org.cyl.excellence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's modules (Spring Modulith: each top-level package under
 * org.cyl.excellence): no cycles between them, each depends only on the modules its
 * package-info.java allows (and the shared ones of ExcellenceCampaignApplication), and
 * they are the modules README.md's Layout names. The diagrams and module canvases are
 * written to target/spring-modulith-docs. The tables are ModuleBoundaryTests'.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ExcellenceCampaignApplication.class);

	private static final Pattern LAYOUT_MODULE = Pattern.compile("(?m)^    ([a-z]+)/ ");

	@Test
	void modulesFormNoCycleAndDependOnlyOnWhatTheyAllow() {
		modules.verify();
	}

	@Test
	void theModulesAreThoseOfTheReadme() {
		String readme = ModuleBoundaryTests.read(Path.of("README.md"));
		String layout = readme.substring(readme.indexOf("## Layout"));
		Matcher m = LAYOUT_MODULE
			.matcher(layout.substring(layout.indexOf("src/main/java"), layout.indexOf("src/main/resources")));
		List<String> documented = new ArrayList<>();
		while (m.find()) {
			documented.add(m.group(1));
		}
		assertThat(modules.stream().map((module) -> module.getIdentifier().toString()))
			.containsExactlyInAnyOrderElementsOf(documented);
	}

	@Test
	void writesTheModulesDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
