package org.cyl.excellence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The application without its web layer, for process tests: the real delegates, listeners
 * and tables, the engine driven through its services, and process test coverage recorded
 * under {@code target/process-test-coverage}. The engine has a name of its own, so that
 * it never meets the webapps of an {@link ApplicationTest} context in the same JVM. The
 * coverage plugin reads definitions without the user's authorizations, so tests through
 * the security chain stay in {@link ApplicationTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.NONE,
		properties = { "camunda.bpm.process-engine-name=processtests",
				"spring.autoconfigure.exclude=" + ProcessTest.REST })
@Import(ProcessEngineCoverageConfiguration.class)
public @interface ProcessTest {

	/**
	 * Camunda's REST starter needs a servlet web server: left out without the web layer.
	 */
	String REST = "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration";

}
