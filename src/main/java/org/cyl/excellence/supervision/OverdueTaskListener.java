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
 * The timeout listener of every user task of the campaign's and the standing duties'
 * models: when a task passes its due date it is recorded for supervision (督查) and stays
 * open and visible where it was.
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
		// a campaign's task or a standing duty's (no campaign); a duty of a 团总支 or 团委
		// (双向述职评议) is recorded under its organisation
		Object branch = (task.getVariable("branchCode") != null) ? task.getVariable("branchCode")
				: task.getVariable("orgCode");
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
