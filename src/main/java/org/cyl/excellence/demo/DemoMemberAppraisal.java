package org.cyl.excellence.demo;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.memberappraisal.MemberAppraisalVariables;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's running member appraisal (团员教育评议), after the demo campaign: on a first start
 * with the demo data, 经济管理学院团总支 (gb1202) has launched this year's appraisal for its two
 * branches; in 市场营销2023级1班团支部 (120202) every member has written a self-assessment and the
 * secretary has confirmed them, so sec120202 stands at 登记评议大会 with the appraisal sheet
 * ready for the meeting's vote counts; 120201 is still collecting self-assessments. Every
 * step is taken through the forms as the person whose task it is.
 */
@Component
class DemoMemberAppraisal {

	private static final Logger log = LoggerFactory.getLogger(DemoMemberAppraisal.class);

	private final boolean enabled;

	private final OrganizationDirectory organizations;

	private final FormService forms;

	private final TaskService tasks;

	private final RepositoryService repository;

	private final HistoryService history;

	private final DemoPeople people;

	DemoMemberAppraisal(DemoProperties demo, OrganizationDirectory organizations, FormService forms, TaskService tasks,
			RepositoryService repository, HistoryService history, DemoPeople people) {
		this.people = people;
		this.enabled = demo.enabled() && demo.campaign();
		this.organizations = organizations;
		this.forms = forms;
		this.tasks = tasks;
		this.repository = repository;
		this.history = history;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void seed() {
		if (!this.enabled || this.organizations.find("1202").isEmpty()
				|| this.history.createHistoricProcessInstanceQuery()
					.processDefinitionKey(MemberAppraisalVariables.LAUNCH_PROCESS)
					.count() > 0) {
			return;
		}
		try {
			run();
			log.info("Demo member appraisal started: 120202 at its meeting, 120201 collecting self-assessments");
		}
		catch (RuntimeException ex) {
			// a demo that could not be staged must not stop the application
			log.warn("The demo member appraisal could not be staged completely", ex);
		}
	}

	void run() {
		String definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(MemberAppraisalVariables.LAUNCH_PROCESS)
			.latestVersion()
			.singleResult()
			.getId();
		LocalDate today = LocalDate.now();
		ProcessInstance launch = this.people
			.as("gb1202", () -> this.forms.submitStartForm(definition, Map.of("appraisalYear", (long) today.getYear(),
					"selfAssessmentDue", today.plusDays(14).toString(), "meetingDue", today.plusDays(30).toString())));
		this.people.jobs(launch.getId());
		String branch = this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(MemberAppraisalVariables.BRANCH_PROCESS)
			.processInstanceBusinessKeyLike("%（120202）")
			.singleResult()
			.getId();
		for (Task task : this.tasks.createTaskQuery()
			.processInstanceId(branch)
			.taskDefinitionKey("Task_WriteSelfAssessment")
			.list()) {
			this.people.complete(task.getAssignee(), task, Map.of("selfAssessment",
					"本年度认真学习党的理论和团的知识，按时参加主题团日和组织生活，积极参加志愿服务；不足是理论学习还不够系统，今后制定学习计划，带头做好本职工作。"));
		}
		this.people.jobs(branch);
		Task record = this.tasks.createTaskQuery()
			.processInstanceId(branch)
			.taskDefinitionKey("Task_RecordSelfAssessments")
			.singleResult();
		this.people.complete("sec120202", record, Map.of("selfAssessmentsConfirmed", true));
	}

}
