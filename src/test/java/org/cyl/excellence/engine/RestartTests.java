package org.cyl.excellence.engine;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.cyl.excellence.ExcellenceCampaignApplication;
import org.cyl.excellence.ProcessTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application on its H2 file database, started, stopped and started again: the data
 * survive, a restart with no change deploys nothing, a change deploys what changed; an
 * administrator's deployment outlives restarts until a release changes the same model.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartTests {

	@TempDir
	Path dataDir;

	@Test
	void restartKeepsTheDataAndDeploysNothingNew() throws Exception {
		String models = "classpath*:testmodels/bpmn/*.bpmn,classpath*:testmodels/forms/*.form";
		String deploymentId;
		try (ConfigurableApplicationContext first = start(models)) {
			ProcessEngine engine = first.getBean(ProcessEngine.class);
			Deployment deployment = engine.getRepositoryService().createDeploymentQuery().singleResult();
			assertThat(deployment.getName()).isEqualTo(ModelDeployment.DEPLOYMENT_NAME);
			// one deployment, with names independent of where the checkout or the jar is
			assertThat(engine.getRepositoryService().getDeploymentResourceNames(deployment.getId()))
				.containsExactlyInAnyOrder("bpmn/IsolationTestProcess.bpmn", "forms/IsolationTestForm.form");
			deploymentId = deployment.getId();
			engine.getRuntimeService()
				.startProcessInstanceByKey("IsolationTestProcess", java.util.Map.of("branchCode", "120101"));
		}
		assertThat(Files.list(this.dataDir)).isNotEmpty();

		try (ConfigurableApplicationContext second = start(models)) {
			ProcessEngine engine = second.getBean(ProcessEngine.class);
			assertThat(engine.getRepositoryService().createDeploymentQuery().list()).extracting(Deployment::getId)
				.containsExactly(deploymentId);
			assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(1);
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from organization").query(Long.class).single()).isEqualTo(21);
			assertThat(jdbc.sql("select count(*) from member").query(Long.class).single()).isEqualTo(92);
		}

		// a changed set of models deploys what changed, alone: every link is bound latest
		try (ConfigurableApplicationContext third = start(models + ",classpath*:testmodels/extra/bpmn/*.bpmn")) {
			ProcessEngine engine = third.getBean(ProcessEngine.class);
			Deployment latest = engine.getRepositoryService()
				.createDeploymentQuery()
				.orderByDeploymentTime()
				.desc()
				.list()
				.get(0);
			assertThat(latest.getId()).isNotEqualTo(deploymentId);
			assertThat(engine.getRepositoryService().getDeploymentResourceNames(latest.getId()))
				.containsExactly("bpmn/RestartTestProcess.bpmn");
			// the new process finds its form in the earlier deployment
			engine.getRuntimeService()
				.startProcessInstanceByKey("RestartTestProcess", java.util.Map.of("branchCode", "120101"));
			String task = engine.getTaskService()
				.createTaskQuery()
				.processDefinitionKey("RestartTestProcess")
				.singleResult()
				.getId();
			assertThat(engine.getFormService().getDeployedTaskForm(task)).isNotNull();
		}
	}

	/**
	 * An administrator's form, deployed from Camunda Modeler, stays in force over a
	 * restart; a release that changed that form supersedes it and says so.
	 */
	@Test
	void aRestartKeepsTheAdministratorsModelAndANewReleaseSupersedesIt(CapturedOutput output) throws Exception {
		String models = "classpath*:testmodels/bpmn/*.bpmn,classpath*:testmodels/forms/*.form";
		try (ConfigurableApplicationContext first = start(models)) {
			ProcessEngine engine = first.getBean(ProcessEngine.class);
			engine.getIdentityService().setAuthentication("admin", java.util.List.of("camunda-admin"));
			try (InputStream edited = new ClassPathResource("testmodels/release/forms/IsolationTestForm.form")
				.getInputStream()) {
				engine.getRepositoryService()
					.createDeployment()
					.name("IsolationTestForm")
					.source("Camunda Modeler")
					.addInputStream("IsolationTestForm.form", edited)
					.deploy();
			}
			finally {
				engine.getIdentityService().clearAuthentication();
			}
			assertThat(latestForm(first)).isEqualTo("2 Camunda Modeler");
		}
		try (ConfigurableApplicationContext second = start(models)) {
			assertThat(latestForm(second)).as("a restart deploys nothing over it").isEqualTo("2 Camunda Modeler");
			assertThat(second.getBean(ProcessEngine.class).getRepositoryService().createDeploymentQuery().count())
				.isEqualTo(2);
		}
		assertThat(output).doesNotContain("supersedes");
		try (ConfigurableApplicationContext release = start("classpath*:testmodels/release/forms/*.form," + models)) {
			assertThat(latestForm(release)).isEqualTo("3 " + ModelDeployment.DEPLOYMENT_NAME);
		}
		assertThat(output)
			.contains("This release's IsolationTestForm supersedes version 2 deployed from Camunda Modeler");
	}

	/** The latest version of IsolationTestForm and where it came from. */
	private static String latestForm(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("select f.VERSION_ || ' ' || d.SOURCE_ from ACT_RE_CAMFORMDEF f"
					+ " join ACT_RE_DEPLOYMENT d on d.ID_ = f.DEPLOYMENT_ID_"
					+ " where f.KEY_ = 'IsolationTestForm' order by f.VERSION_ desc limit 1")
			.query(String.class)
			.single();
	}

	private ConfigurableApplicationContext start(String models) {
		return new SpringApplicationBuilder(ExcellenceCampaignApplication.class).web(WebApplicationType.NONE)
			.run("--app.data-dir=" + this.dataDir,
					"--spring.datasource.url=jdbc:h2:file:" + this.dataDir + "/excellence",
					"--app.models.locations=" + models, "--camunda.bpm.process-engine-name=restarttest",
					"--camunda.bpm.job-execution.enabled=false", "--spring.autoconfigure.exclude=" + ProcessTest.REST);
	}

}
