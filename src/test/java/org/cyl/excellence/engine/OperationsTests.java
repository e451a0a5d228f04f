package org.cyl.excellence.engine;

import java.net.http.HttpResponse;

import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.camunda.bpm.engine.ProcessEngine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health and metrics for those who run the platform, behind login; history kept for a
 * time and cleaned up at night.
 */
@ApplicationTest
class OperationsTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Test
	void healthAndMetricsAreForManagersAndAdministratorsOnly() {
		HttpResponse<String> health = TestHttp.basic(this.port, "manager", "demo").get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"", "\"db\"");
		HttpResponse<String> metrics = TestHttp.basic(this.port, "admin", "admin").get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("excellence_tasks_open", "excellence_jobs_due", "excellence_jobs_failed",
				"excellence_job_executor_total{event=\"job-successful\"", "excellence_ballots_cast",
				"hikaricp_connections_active", "jvm_memory_used_bytes");

		assertThat(TestHttp.anonymous(this.port).get("/actuator/health").statusCode()).isEqualTo(401);
		assertThat(TestHttp.anonymous(this.port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
		assertThat(TestHttp.basic(this.port, "sec120101", "demo").get("/actuator/prometheus").statusCode())
			.isEqualTo(403);
		assertThat(TestHttp.basic(this.port, "committee12", "demo").get("/actuator/health").statusCode())
			.isEqualTo(403);
	}

	@Test
	void historyIsKeptForFiveYearsAndCleanedUpAtNight() {
		var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P1825D");
		assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		assertThat(configuration.getTaskMetricsTimeToLive()).isEqualTo("P540D");
		assertThat(this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.list()
			.stream()
			.filter((d) -> d.getKey().endsWith("Process") && !d.getKey().contains("Test"))).isNotEmpty()
			.allSatisfy((d) -> assertThat(d.getHistoryTimeToLive()).isEqualTo(1825));
	}

}
