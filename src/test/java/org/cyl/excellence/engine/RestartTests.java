package org.cyl.excellence.engine;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.cyl.excellence.ExcellenceCampaignApplication;
import org.cyl.excellence.ProcessTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application on its H2 file database, started, stopped and started again: the data
 * survive, the models are one deployment, and a restart with no change deploys nothing.
 */
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

		// a changed set of models deploys all of them again, together
		try (ConfigurableApplicationContext third = start(models + ",classpath*:testmodels/extra/bpmn/*.bpmn")) {
			ProcessEngine engine = third.getBean(ProcessEngine.class);
			Deployment latest = engine.getRepositoryService()
				.createDeploymentQuery()
				.orderByDeploymentTime()
				.desc()
				.list()
				.get(0);
			assertThat(latest.getId()).isNotEqualTo(deploymentId);
			assertThat(engine.getRepositoryService().getDeploymentResourceNames(latest.getId())).contains(
					"bpmn/IsolationTestProcess.bpmn", "forms/IsolationTestForm.form", "bpmn/RestartTestProcess.bpmn");
		}
	}

	private ConfigurableApplicationContext start(String models) {
		return new SpringApplicationBuilder(ExcellenceCampaignApplication.class).web(WebApplicationType.NONE)
			.run("--app.data-dir=" + this.dataDir,
					"--spring.datasource.url=jdbc:h2:file:" + this.dataDir + "/excellence",
					"--app.models.locations=" + models, "--camunda.bpm.process-engine-name=restarttest",
					"--camunda.bpm.job-execution.enabled=false", "--spring.autoconfigure.exclude=" + ProcessTest.REST);
	}

}
