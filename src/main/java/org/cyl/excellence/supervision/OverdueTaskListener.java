package org.cyl.excellence.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The timeout listener of every user task (CampaignProcess, BranchCampaignProcess, the
 * standing duties): when a task passes its due date it is recorded for supervision (督查)
 * and stays open and visible where it was.
 */
@Component
class OverdueTaskListener implements TaskListener {

	private final JdbcClient jdbc;

	OverdueTaskListener(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void notify(DelegateTask task) {
		String candidates = (task.getAssignee() != null) ? task.getAssignee()
				: task.getCandidates()
					.stream()
					.map(IdentityLink::getGroupId)
					.filter((g) -> g != null)
					.collect(Collectors.joining(","));
		if (task.getVariable("campaignId") == null) {
			// a standing duty's task (no campaign): the overdue list finds it by its due
			// date; the record here counts a campaign's late tasks
			return;
		}
		Object branch = task.getVariable("branchCode");
		this.jdbc
			.sql("""
					insert into overdue_task (task_id, campaign_id, branch_code, task_name, candidate, due_date, recorded_at)
					select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from overdue_task where task_id = ?)""")
			.params(task.getId(), task.getVariable("campaignId"), branch, task.getName(), candidates,
					(task.getDueDate() != null) ? new Timestamp(task.getDueDate().getTime())
							: Timestamp.from(Instant.now()),
					Timestamp.from(Instant.now()), task.getId())
			.update();
	}

}
