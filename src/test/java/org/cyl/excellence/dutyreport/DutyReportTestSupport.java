package org.cyl.excellence.dutyreport;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.springframework.stereotype.Component;

/**
 * Drives the duty report as its people would: a committee member launches it, a secretary
 * writes, members vote on their ballot links, the committee above comments and checks.
 * Built on {@link CampaignTestSupport}'s organisation, tasks and jobs.
 */
@Component
public class DutyReportTestSupport {

	public final CampaignTestSupport support;

	private final FormService formService;

	private final IdentityService identityService;

	private final RepositoryService repositoryService;

	DutyReportTestSupport(CampaignTestSupport support, FormService formService, IdentityService identityService,
			RepositoryService repositoryService) {
		this.support = support;
		this.formService = formService;
		this.identityService = identityService;
		this.repositoryService = repositoryService;
	}

	/** The start form's values: this year, report due in a week, appraisal in three. */
	public static Map<String, Object> launchForm() {
		Map<String, Object> form = new HashMap<>();
		form.put("dutyYear", (long) LocalDate.now().getYear());
		form.put("reportDueOn", LocalDate.now().plusDays(7).toString());
		form.put("appraisalClosesOn", LocalDate.now().plusDays(21).toString());
		form.put("rectifyDays", 30L);
		return form;
	}

	/** Starts DutyReportProcess as {@code user} through its start form. */
	public ProcessInstance launch(String user, Map<String, Object> form) {
		String definition = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(DutyReportVariables.LAUNCH_PROCESS)
			.latestVersion()
			.singleResult()
			.getId();
		return as(user, () -> this.formService.submitStartForm(definition, form));
	}

	/** Runs {@code action} authenticated as {@code user} with his groups. */
	public <T> T as(String user, Supplier<T> action) {
		List<String> groups = this.identityService.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(org.camunda.bpm.engine.identity.Group::getId)
			.toList();
		this.identityService.setAuthentication(user, groups);
		try {
			return action.get();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	/** Submits the task's form as {@code user}. */
	public void submitAs(String user, Task task, Map<String, Object> values) {
		as(user, () -> {
			this.formService.submitTaskForm(task.getId(), values);
			return null;
		});
	}

	/** The secretary process of the organisation in the launch. */
	public String reportInstance(String launchId, String orgCode) {
		return this.support.jdbc.sql("select process_instance_id from duty_report where launch_id = ? and org_code = ?")
			.params(launchId, orgCode)
			.query(String.class)
			.single();
	}

	/** A report of {@code length} characters (Chinese: three bytes each in UTF-8). */
	public static String report(int length) {
		String sentence = "认真学习党的理论，落实从严治团要求，抓好支部建设和团员教育管理。";
		StringBuilder text = new StringBuilder();
		while (text.length() < length) {
			text.append(sentence);
		}
		return text.substring(0, length);
	}

}
