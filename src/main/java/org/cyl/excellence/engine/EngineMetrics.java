package org.cyl.excellence.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.Metrics;

import org.springframework.stereotype.Component;

/**
 * What the platform's operators watch, on {@code /actuator/prometheus}: open tasks, the
 * job executor (jobs due, failed jobs left without retries, and the engine's own counts
 * of jobs acquired, executed and failed). Each is read when it is scraped; no caller is
 * slowed down by it. The masses' ballots are appraisal's (BallotMetrics).
 */
@Component
class EngineMetrics implements MeterBinder {

	private final TaskService tasks;

	private final ManagementService management;

	EngineMetrics(TaskService tasks, ManagementService management) {
		this.tasks = tasks;
		this.management = management;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("excellence.tasks.open", this.tasks, (t) -> t.createTaskQuery().count())
			.description("Open user tasks")
			.register(registry);
		Gauge.builder("excellence.jobs.due", this.management, (m) -> m.createJobQuery().executable().count())
			.description("Jobs due for the job executor")
			.register(registry);
		Gauge.builder("excellence.jobs.failed", this.management, (m) -> m.createJobQuery().noRetriesLeft().count())
			.description("Jobs that failed and have no retries left (incidents)")
			.register(registry);
		for (String metric : new String[] { Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_SUCCESSFUL,
				Metrics.JOB_FAILED }) {
			FunctionCounter
				.builder("excellence.job.executor", this.management, (m) -> m.createMetricsQuery().name(metric).sum())
				.tag("event", metric)
				.description("The engine's own job executor counts (reported every 15 minutes by default)")
				.register(registry);
		}
	}

}
