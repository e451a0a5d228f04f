package org.cyl.excellence.demo;

import org.cyl.excellence.branch.ReviewVariables;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.PlanForm;
import org.cyl.excellence.organization.OrganizationDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's running campaign: on a first start with the demo data
 * ({@code app.demo-data.campaign}, on by default where the demo university is loaded) 校团委
 * (committee12) has launched a campaign that 团市委 (city1) approved, and its eight branches
 * stand at different stages — some pledging, one under rectification, one at the leader
 * review, one overdue — so that Tasklist, Cockpit and the dashboard show real work. Every
 * step is taken through the forms as the person whose task it is, so the records carry
 * their names.
 */
@Component
class DemoCampaign {

	private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);

	private static final ObjectMapper json = new ObjectMapper();

	private final boolean enabled;

	private final Campaigns campaigns;

	private final OrganizationDirectory organizations;

	private final FormService forms;

	private final TaskService tasks;

	private final ManagementService management;

	private final RepositoryService repository;

	private final DemoDutyReport dutyReport;

	private final DemoPartyRecommendation partyRecommendation;

	private final DemoPeople people;

	DemoCampaign(DemoProperties demo, Campaigns campaigns, OrganizationDirectory organizations, FormService forms,
			TaskService tasks, ManagementService management, RepositoryService repository, DemoDutyReport dutyReport,
			DemoPartyRecommendation partyRecommendation, DemoPeople people) {
		this.people = people;
		this.dutyReport = dutyReport;
		this.partyRecommendation = partyRecommendation;
		this.enabled = demo.enabled() && demo.campaign();
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.forms = forms;
		this.tasks = tasks;
		this.management = management;
		this.repository = repository;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		if (!this.enabled || this.campaigns.count() > 0 || this.organizations.find("12").isEmpty()) {
			return;
		}
		try {
			String id = run();
			log.info("Demo campaign {} started: branches at different stages", id);
			// the standing duties' demo rounds after the campaign
			this.partyRecommendation.seed();
		}
		catch (RuntimeException ex) {
			// a demo that could not be staged must not stop the application
			log.warn("The demo campaign could not be staged completely", ex);
		}
		// the standing duties after the campaign, on the same first start
		this.dutyReport.seed();
	}

	String run() {
		String definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(CampaignVariables.CAMPAIGN_PROCESS)
			.latestVersion()
			.singleResult()
			.getId();
		ProcessInstance campaign = this.people.as("committee12", () -> this.forms.submitStartForm(definition, plan()));
		this.people.complete("city1", this.people.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve", "planOpinion", "同意。"));
		String id = this.campaigns.idOfProcessInstance(campaign.getId()).orElseThrow();
		this.people.jobs(campaign.getId(), () -> this.campaigns.startedBranches(id) == 8);

		// 120101 pledging, half its members signed; 120102 pledging, nobody signed yet
		String b1 = branch(id, "120101");
		mobilize(b1, "sec120101");
		orgPledge(b1, "sec120101");
		List<Task> signing = this.tasks.createTaskQuery()
			.processInstanceId(b1)
			.taskDefinitionKey("Task_SignMemberPledge")
			.list();
		signing.subList(0, signing.size() / 2).forEach(this::sign);
		String b2 = branch(id, "120102");
		mobilize(b2, "sec120102");
		orgPledge(b2, "sec120102");

		// 120103 has not mobilised by its due date: overdue
		String b3 = branch(id, "120103");
		Task late = this.people.task(b3, "Task_MobilizeBranch");
		late.setDueDate(Date.from(java.time.Instant.now().minusSeconds(3 * 86400)));
		this.tasks.saveTask(late);
		// its timeout listener records it for supervision, as it would have on the due
		// date
		for (Job timer : this.management.createJobQuery()
			.processInstanceId(b3)
			.timers()
			.activityId("Task_MobilizeBranch")
			.list()) {
			this.management.executeJob(timer.getId());
		}

		// 120201 reviewed and ordered to rectify; 120202 reported and waiting for its
		// review
		String b4 = branch(id, "120201");
		toReview(b4, "sec120201", "gb1202");
		review(b4, "gb1202", "committee", "RECTIFY");
		review(b4, "party1202s", "party", "PASS");
		String b5 = branch(id, "120202");
		toReview(b5, "sec120202", "gb1202");
		return id;
	}

	private Map<String, Object> plan() {
		LocalDate today = LocalDate.now();
		return new PlanForm("南江大学" + today.getYear() + "年创先争优活动", "扩大组织覆盖、增强组织活力，增强团员意识、发挥带头作用", "FIVE")
			.stages(today, today.plusDays(14), today.plusDays(120), today.plusDays(180))
			.pledgeWindowDays(14)
			.round(1, "牢记宗旨、服务青年", today.plusDays(60))
			.round(2, "立足岗位、争创佳绩", today.plusDays(110))
			.reviewDate(today.plusDays(130))
			.quotas(3, 30, 2)
			.values();
	}

	private void mobilize(String pid, String secretary) {
		this.people.complete(secretary, this.people.task(pid, "Task_MobilizeBranch"), Map.of("branchPlan",
				"组织理论学习、开展主题团日、公开承诺、志愿服务", "meetingDate", LocalDate.now().toString(), "attendance", 8L));
	}

	private void orgPledge(String pid, String secretary) {
		Task task = this.people.task(pid, "Task_DraftOrgPledge");
		Map<String, Object> values = new HashMap<>();
		perItem(task, (i, item) -> {
			values.put("commitment" + i, "围绕“" + item + "”，本学期开展不少于两次主题活动");
			values.put("measures" + i, "支委分工负责，每月检查一次");
		});
		this.people.complete(secretary, task, values);
	}

	private void sign(Task task) {
		Map<String, Object> values = new HashMap<>();
		perItem(task, (i, item) -> values.put("pledge" + i, "我承诺做到" + item));
		if (Boolean.TRUE.equals(this.tasks.getVariable(task.getId(), "isCadre"))) {
			values.put("higherStandard", "每月参加一次志愿服务，带头完成支部工作");
		}
		this.people.complete(task.getAssignee(), task, values);
	}

	/**
	 * Every round of the branch, then its work report: it waits for the leader review.
	 */
	private void toReview(String pid, String secretary, String generalBranch) {
		mobilize(pid, secretary);
		while (!this.tasks.createTaskQuery()
			.processInstanceId(pid)
			.taskDefinitionKey("Task_DraftOrgPledge")
			.list()
			.isEmpty()) {
			orgPledge(pid, secretary);
			this.tasks.createTaskQuery()
				.processInstanceId(pid)
				.taskDefinitionKey("Task_SignMemberPledge")
				.list()
				.forEach(this::sign);
			this.people.jobs(pid);
			this.people.complete(generalBranch, this.people.task(pid, "Task_ReviewPledges"),
					Map.of("pledgeDecision", "approve"));
			Job fulfilment = this.management.createJobQuery()
				.processInstanceId(pid)
				.timers()
				.activityId("Event_FulfilmentPeriodEnded")
				.singleResult();
			this.management.executeJob(fulfilment.getId());
			Task evaluate = this.people.task(pid, "Task_EvaluateFulfilment");
			List<String> all = new ArrayList<>();
			try {
				JsonNode options = json
					.readTree(((JsonValue) this.tasks.getVariableTyped(evaluate.getId(), "memberOptions"))
						.getValueSerialized());
				options.forEach((o) -> all.add(o.get("value").asText()));
				this.people.complete(secretary, evaluate,
						Map.of("fulfilled", SpinValues.jsonValue(json.writeValueAsString(all)).create()));
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		Task report = this.people.task(pid, "Task_ReportWork");
		Map<String, Object> values = new HashMap<>();
		perItem(report, (i, item) -> {
			values.put("results" + i, item + "：开展主题活动三次，参与团员覆盖九成");
			values.put("problems" + i, "个别团员参与不够主动");
			values.put("nextSteps" + i, "结对帮扶，下月全覆盖");
		});
		this.people.complete(secretary, report, values);
	}

	private void review(String pid, String reviewer, String who, String verdict) {
		Task task = this.people.task(pid, "Task_" + ("party".equals(who) ? "Party" : "Committee") + "Review");
		// LeaderReview.form: the same keys for both reviewers
		String prefix = ReviewVariables.LEADER_REVIEW_KEYS;
		Map<String, Object> values = new HashMap<>();
		perItem(task, (i, item) -> values.put(prefix + "Rating" + i, "PASS".equals(verdict) ? "GOOD" : "AVERAGE"));
		values.put(prefix + "Affirmed", "承诺公开及时，组织生活规范");
		values.put(prefix + "Problems", "PASS".equals(verdict) ? "志愿服务覆盖面还可扩大" : "践诺记录不全，部分承诺未落实");
		values.put(prefix + "Direction", "对照承诺逐项落实，按月公示进展");
		values.put(prefix + "Verdict", verdict);
		if ("RECTIFY".equals(verdict)) {
			values.put(prefix + "Deadline", LocalDate.now().plusDays(20).toString());
		}
		this.people.complete(reviewer, task, values);
	}

	private void perItem(Task task, java.util.function.BiConsumer<Integer, String> each) {
		int count = ((Number) this.tasks.getVariable(task.getId(), "itemCount")).intValue();
		for (int i = 1; i <= count; i++) {
			each.accept(i, (String) this.tasks.getVariable(task.getId(), "item" + i));
		}
	}

	private String branch(String campaignId, String code) {
		return this.campaigns.branchProcessInstance(campaignId, code).orElseThrow();
	}

}
