package org.cyl.excellence.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.cyl.excellence.organization.OrganizationImport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drives campaigns through the engine as the forms would: plans, small organisation trees
 * of their own (so that tests do not depend on each other), jobs executed on demand (the
 * job executor is off in tests).
 */
@Component
public class CampaignTestSupport {

	private static final ObjectMapper json = new ObjectMapper();

	public final FormService formService;

	public final RuntimeService runtimeService;

	public final TaskService taskService;

	public final ManagementService managementService;

	public final IdentityService identityService;

	public final RepositoryService repositoryService;

	public final OrganizationImport organizationImport;

	public final JdbcClient jdbc;

	public final org.cyl.excellence.appraisal.BallotService ballots;

	public final org.cyl.excellence.appraisal.BallotTokens tokens;

	CampaignTestSupport(FormService formService, RuntimeService runtimeService, TaskService taskService,
			ManagementService managementService, IdentityService identityService, RepositoryService repositoryService,
			OrganizationImport organizationImport, JdbcClient jdbc, org.cyl.excellence.appraisal.BallotService ballots,
			org.cyl.excellence.appraisal.BallotTokens tokens) {
		this.ballots = ballots;
		this.tokens = tokens;
		this.formService = formService;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.identityService = identityService;
		this.repositoryService = repositoryService;
		this.organizationImport = organizationImport;
		this.jdbc = jdbc;
	}

	/**
	 * How many branches of a campaign (the parameter: its id) have their process waiting
	 * at 召开动员大会, the first task: the fan-out reached them.
	 */
	public static final String WAITING_AT_MOBILIZATION = "select count(*) from act_ru_task t"
			+ " join campaign_branch b on b.process_instance_id = t.proc_inst_id_"
			+ " where b.campaign_id = ? and t.task_def_key_ = 'Task_MobilizeBranch'";

	/**
	 * A committee {@code <prefix>} under the city committee with one general branch and
	 * {@code branches} branches of three members each (the first a cadre and the
	 * secretary); accounts: {@code <prefix>c} (committee member), {@code <prefix>g}
	 * (general branch committee), {@code <prefix>p} (Party reviewer), {@code <prefix>h}
	 * (city committee member), secretaries {@code <prefix>s<n>}, members
	 * {@code <prefix>m<n><k>}.
	 */
	public void organization(String prefix, int branches) {
		organization(prefix, branches, 3, true);
	}

	/**
	 * As {@link #organization(String, int)} with {@code membersPerBranch} members per
	 * branch (with more than 9, members {@code <prefix>m<n>k<k>}); without
	 * {@code memberAccounts} only the secretary of each branch has an account, as where
	 * only cadres log in.
	 */
	public void organization(String prefix, int branches, int membersPerBranch, boolean memberAccounts) {
		this.organizationImport.importCsv(organizationFiles(prefix, branches, membersPerBranch, memberAccounts));
	}

	/**
	 * The three CSV files of {@link #organization(String, int, int, boolean)}, as
	 * {@code POST /api/organizations/import} takes them (part name to content).
	 */
	public static Map<String, byte[]> organizationFiles(String prefix, int branches, int membersPerBranch,
			boolean memberAccounts) {
		StringBuilder orgs = new StringBuilder("code,name,type,parent_code,party_org_code\n");
		orgs.append("P").append(prefix).append(",测试党委").append(prefix).append(",党组织,,\n");
		orgs.append(prefix).append(",测试团委").append(prefix).append(",团委,1,P").append(prefix).append("\n");
		orgs.append(prefix).append("G,测试团总支").append(prefix).append(",团总支,").append(prefix).append(",\n");
		StringBuilder members = new StringBuilder("league_no,name,org_code,cadre,username\n");
		StringBuilder roles = new StringBuilder("username,name,org_code,role,email\n");
		roles.append(prefix).append("c,委员").append(prefix).append(",").append(prefix).append(",committee,\n");
		roles.append(prefix).append("g,团总支委员").append(prefix).append(",").append(prefix).append("G,committee,\n");
		roles.append(prefix).append("p,党组织评议人").append(prefix).append(",P").append(prefix).append(",reviewer,\n");
		roles.append(prefix).append("h,团市委委员").append(prefix).append(",1,committee,\n");
		for (int b = 1; b <= branches; b++) {
			String branch = prefix + "B" + b;
			orgs.append(branch).append(",测试支部").append(b).append(",团支部,").append(prefix).append("G,\n");
			for (int k = 1; k <= membersPerBranch; k++) {
				String user = (k == 1) ? prefix + "s" + b
						: !memberAccounts ? "" : prefix + "m" + b + ((membersPerBranch > 9) ? "k" : "") + k;
				members.append(prefix)
					.append("-")
					.append(b)
					.append("-")
					.append(k)
					.append(",团员")
					.append(b)
					.append(k)
					.append(",")
					.append(branch)
					.append(",")
					.append(k == 1 ? "是" : "否")
					.append(",")
					.append(user)
					.append("\n");
			}
			roles.append(prefix).append("s").append(b).append(",,").append(branch).append(",secretary,\n");
		}
		return Map.of(OrganizationImport.ORGANIZATIONS, bytes(orgs), OrganizationImport.MEMBERS, bytes(members),
				OrganizationImport.ROLES, bytes(roles));
	}

	private static byte[] bytes(StringBuilder sb) {
		return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * A valid plan as the start form submits it: dates as yyyy-MM-dd, numbers as Long.
	 */
	public static Map<String, Object> plan(int rounds) {
		LocalDate today = LocalDate.now();
		PlanForm plan = new PlanForm("2026年创先争优活动", "扩大组织覆盖、增强组织活力，增强团员意识、发挥带头作用", "FOUR")
			.stages(today, today.plusDays(10), today.plusDays(100), today.plusDays(200))
			.pledgeWindowDays(14)
			.round(1, "牢记宗旨为民服务", today.plusDays(60));
		if (rounds > 1) {
			plan.round(2, "做贡献创佳绩", today.plusDays(120));
		}
		return plan.reviewDate(today.plusDays(150)).quotas(3, 30, 2).values();
	}

	/** Starts a campaign as {@code user} would from Tasklist's start form. */
	public ProcessInstance startCampaign(String user, Map<String, Object> plan) {
		String definition = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(CampaignVariables.CAMPAIGN_PROCESS)
			.latestVersion()
			.singleResult()
			.getId();
		List<String> groups = this.identityService.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(org.camunda.bpm.engine.identity.Group::getId)
			.toList();
		this.identityService.setAuthentication(user, groups);
		try {
			return this.formService.submitStartForm(definition, plan);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	public Task task(String processInstanceId, String taskDefinitionKey) {
		List<Task> tasks = this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskDefinitionKey)
			.list();
		if (tasks.size() != 1) {
			throw new AssertionError("expected one task " + taskDefinitionKey + ", found " + tasks.size());
		}
		return tasks.get(0);
	}

	public List<Task> tasks(String processInstanceId, String taskDefinitionKey) {
		return this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskDefinitionKey)
			.list();
	}

	private volatile java.util.function.BiConsumer<Task, Map<String, Object>> submitter;

	/**
	 * Sends every completion of the steps below through {@code submitter} (a test's own
	 * path, such as the REST API as the task's person) instead of the Java API; null
	 * restores the Java API.
	 */
	public void submitThrough(java.util.function.BiConsumer<Task, Map<String, Object>> submitter) {
		this.submitter = submitter;
	}

	/** Completes a task as its user would through the form (submit-form). */
	public void complete(Task task, Map<String, Object> variables) {
		java.util.function.BiConsumer<Task, Map<String, Object>> through = this.submitter;
		if (through != null) {
			through.accept(task, variables);
			return;
		}
		this.formService.submitTaskForm(task.getId(), variables);
	}

	/**
	 * Executes every due-or-not job of the process instance except timers, until none is
	 * left.
	 */
	public void runJobs(String processInstanceId) {
		for (int i = 0; i < 1000; i++) {
			List<Job> jobs = this.managementService.createJobQuery()
				.processInstanceId(processInstanceId)
				.list()
				.stream()
				.filter((j) -> !isTimer(j))
				.toList();
			if (jobs.isEmpty()) {
				return;
			}
			this.managementService.executeJob(jobs.get(0).getId());
		}
		throw new AssertionError("jobs keep coming");
	}

	/**
	 * Executes the jobs of every batch of the engine (seed, execution and monitor jobs),
	 * as the job executor would, until no batch is left: e.g. the deletion of a withdrawn
	 * campaign's branch processes.
	 */
	public void runBatches() {
		for (int i = 0; i < 1000; i++) {
			List<org.camunda.bpm.engine.batch.Batch> batches = this.managementService.createBatchQuery().list();
			if (batches.isEmpty()) {
				return;
			}
			for (org.camunda.bpm.engine.batch.Batch batch : batches) {
				for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
						batch.getMonitorJobDefinitionId())) {
					this.managementService.createJobQuery()
						.jobDefinitionId(definition)
						.list()
						.forEach((job) -> this.managementService.executeJob(job.getId()));
				}
			}
		}
		throw new AssertionError("batches keep coming");
	}

	private boolean isTimer(Job job) {
		return job instanceof org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
	}

	/**
	 * Fires the timer of the activity (a boundary event, a catch event, or a task's
	 * timeout listener).
	 */
	public void fireTimer(String processInstanceId, String activityId) {
		Job timer = this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.timers()
			.activityId(activityId)
			.singleResult();
		if (timer == null) {
			throw new AssertionError("no timer at " + activityId);
		}
		this.managementService.executeJob(timer.getId());
	}

	public String branchInstance(String campaignId, String branchCode) {
		return this.jdbc
			.sql("select process_instance_id from campaign_branch where campaign_id = ? and branch_code = ?")
			.params(campaignId, branchCode)
			.query(String.class)
			.single();
	}

	/**
	 * The per-item fields of a task's form ({@code key1..keyN}, N the task's
	 * {@code itemCount}), each filled with what {@code value} makes of the item's label.
	 */
	public Map<String, Object> perItem(Task task, String key, java.util.function.Function<String, Object> value) {
		Map<String, Object> values = new HashMap<>();
		int count = ((Number) this.taskService.getVariable(task.getId(), "itemCount")).intValue();
		for (int i = 1; i <= count; i++) {
			values.put(key + i, value.apply((String) this.taskService.getVariable(task.getId(), "item" + i)));
		}
		return values;
	}

	/** The League numbers offered on the 评诺 form. */
	public List<String> memberOptions(Task task) {
		String text = ((org.camunda.spin.plugin.variable.value.JsonValue) this.taskService
			.getVariableTyped(task.getId(), "memberOptions")).getValueSerialized();
		try {
			return json.readValue(text, new TypeReference<List<Map<String, Object>>>() {
			}).stream().map((m) -> m.get("value").toString()).toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A Json variable holding a list of strings, as a checklist submits it. */
	public static Object jsonList(List<String> values) {
		try {
			return SpinValues.jsonValue(json.writeValueAsString(values)).create();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---- the steps of BranchCampaignProcess, as its users take them

	public static Map<String, Object> mobilization() {
		Map<String, Object> values = new HashMap<>();
		values.put("branchPlan", "组织学习、开展主题团日、公开承诺");
		values.put("meetingDate", LocalDate.now().toString());
		values.put("attendance", 3L);
		return values;
	}

	public void mobilize(String pid) {
		List<Task> open = this.tasks(pid, "Task_MobilizeBranch");
		if (!open.isEmpty()) {
			this.complete(open.get(0), mobilization());
		}
	}

	public Map<String, Object> orgPledge(Task task) {
		Map<String, Object> values = perItem(task, "commitment", (item) -> "承诺：" + item);
		values.putAll(perItem(task, "measures", (item) -> "措施：" + item));
		return values;
	}

	public void draftOrgPledge(String pid) {
		Task task = this.task(pid, "Task_DraftOrgPledge");
		this.complete(task, orgPledge(task));
	}

	public void sign(Task task) {
		Map<String, Object> values = perItem(task, "pledge", (item) -> "我承诺" + item);
		if (Boolean.TRUE.equals(this.taskService.getVariable(task.getId(), "isCadre"))) {
			values.put("higherStandard", "标准高于一般团员");
		}
		this.complete(task, values);
	}

	public void signAll(String pid) {
		this.tasks(pid, "Task_SignMemberPledge").forEach(this::sign);
		this.runJobs(pid);
	}

	public void evaluate(String pid) {
		Task task = this.task(pid, "Task_EvaluateFulfilment");
		this.complete(task, Map.of("fulfilled", jsonList(memberOptions(task))));
	}

	public void report(String pid) {
		Task task = this.task(pid, "Task_ReportWork");
		Map<String, Object> values = perItem(task, "results", (item) -> item + "成效");
		values.putAll(perItem(task, "problems", (item) -> item + "问题"));
		values.putAll(perItem(task, "nextSteps", (item) -> item + "打算"));
		this.complete(task, values);
	}

	/** Every pledge round, then the report: the branch waits for its leader review. */
	public void toReview(String pid) {
		mobilize(pid);
		while (!this.tasks(pid, "Task_DraftOrgPledge").isEmpty()) {
			draftOrgPledge(pid);
			signAll(pid);
			this.complete(this.task(pid, "Task_ReviewPledges"), Map.of("pledgeDecision", "approve"));
			this.fireTimer(pid, "Event_FulfilmentPeriodEnded");
			evaluate(pid);
		}
		report(pid);
	}

	public void review(String pid, String committee, String party) {
		reviewAs(this.task(pid, "Task_CommitteeReview"), committee);
		reviewAs(this.task(pid, "Task_PartyReview"), party);
	}

	public void reviewAs(Task task, String verdict) {
		Map<String, Object> values = perItem(task, "reviewRating",
				(item) -> "PASS".equals(verdict) ? "GOOD" : "AVERAGE");
		values.put("reviewAffirmed", "组织建设扎实");
		values.put("reviewProblems", "PASS".equals(verdict) ? "无明显问题" : "指出问题：活动开展不够");
		values.put("reviewDirection", "继续努力");
		values.put("reviewVerdict", verdict);
		if ("RECTIFY".equals(verdict)) {
			values.put("reviewDeadline", LocalDate.now().plusDays(20).toString());
		}
		this.complete(task, values);
	}

	/**
	 * Drives a branch from its first task to its end, every review passed, every ballot
	 * 满意.
	 */
	public void finishBranch(String pid) {
		toReview(pid);
		review(pid, "PASS", "PASS");
		appraise(pid, 4, 4, "SATISFIED");
		recommend(pid);
	}

	/** 推荐优秀团员: every member at the meeting, the first member recommended unanimously. */
	public void recommend(String pid) {
		Task task = this.task(pid, "Task_RecommendMembers");
		this.complete(task, recommendation(task, 3, 3, List.of(memberOptions(task).get(0)), List.of(3L)));
	}

	public Map<String, Object> recommendation(Task task, long entitled, long present, List<String> candidates,
			List<Long> votes) {
		Map<String, Object> values = new HashMap<>();
		values.put("meetingDate", LocalDate.now().toString());
		values.put("entitled", entitled);
		values.put("present", present);
		for (int i = 0; i < candidates.size(); i++) {
			values.put("candidate" + (i + 1), candidates.get(i));
			values.put("votes" + (i + 1), votes.get(i));
		}
		// the candidates were appraised 优秀 in this year's 团员教育评议, as an 优秀团员
		// candidate must be (commendation: MemberCommendationEligibility)
		Map<String, String> excellent = new HashMap<>();
		candidates.forEach((c) -> excellent.put(c, "优秀"));
		org.cyl.excellence.memberappraisal.MemberAppraisalTestSupport.approvedGrades(this.jdbc,
				(String) this.taskService.getVariable(task.getId(), "branchCode"), excellent);
		return values;
	}

	/**
	 * A MassAppraisalProcess on its own, for the one branch of a fresh organisation
	 * {@code prefix} (see {@link #organization}) in a fresh campaign.
	 */
	public ProcessInstance startAppraisal(String prefix) {
		organization(prefix, 1);
		ProcessInstance campaign = startCampaign(prefix + "c", plan(1));
		Map<String, Object> variables = new HashMap<>();
		variables.put("campaignId", this.runtimeService.getVariable(campaign.getId(), "campaignId"));
		variables.put("orgCode", prefix + "B1");
		variables.put("branchCode", prefix + "B1");
		variables.put("appraisalCommitteeGroup", "org" + prefix + "Gcommittee");
		variables.put("secretaryGroup", "org" + prefix + "B1secretary");
		variables.put("appraisalDue", java.util.Date.from(java.time.Instant.now().plusSeconds(86400)));
		return this.runtimeService.startProcessInstanceByKey("MassAppraisalProcess", variables);
	}

	/** Completes 发起群众评议 of an appraisal process: ballots open today, close in a week. */
	public String initiateAppraisal(String appraisalPid, int ballotCount) {
		Map<String, Object> values = new HashMap<>();
		values.put("ballotCount", (long) ballotCount);
		values.put("opensAt", LocalDate.now().toString());
		values.put("closesAt", LocalDate.now().plusDays(7).toString());
		values.put("publishScope", "BRANCH");
		this.complete(this.task(appraisalPid, "Task_InitiateAppraisal"), values);
		return (String) this.runtimeService.getVariable(appraisalPid, "appraisalId");
	}

	/** The MassAppraisalProcess the branch's process called. */
	public String appraisalInstance(String branchPid) {
		return this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(branchPid)
			.singleResult()
			.getProcessInstanceId();
	}

	/**
	 * One appraisal round of the branch: {@code issued} ballots, {@code cast} of them
	 * answered with {@code answer} on every item, then the committee closes early.
	 * Returns the appraisal's id.
	 */
	public String appraise(String branchPid, int issued, int cast, String answer) {
		String sub = appraisalInstance(branchPid);
		String appraisalId = initiateAppraisal(sub, issued);
		int items = ((String) this.runtimeService.getVariable(sub, "appraisalItems")).split("、").length;
		for (int i = 0; i < cast; i++) {
			this.ballots.submit(this.tokens.token(appraisalId, i), java.util.Collections.nCopies(items, answer), null);
		}
		this.runtimeService.createMessageCorrelation("AppraisalClosedEarly").processInstanceId(sub).correlate();
		return appraisalId;
	}

	// the commendation (CommendationProcess)

	/** The CommendationProcess the campaign called once every branch had finished. */
	public String commendationInstance(String campaignPid) {
		return this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(campaignPid)
			.processDefinitionKey("CommendationProcess")
			.singleResult()
			.getProcessInstanceId();
	}

	/** 推荐先进组织: the Party organisation's choice of branch codes per title. */
	public void nominate(String pid, List<String> redFlag, List<String> advanced) {
		Map<String, Object> values = new HashMap<>();
		values.put("redFlagOrganizations", jsonList(redFlag));
		values.put("advancedOrganizations", jsonList(advanced));
		this.complete(this.task(pid, "Task_NominateOrganizations"), values);
	}

	/**
	 * 考核候选, every batch: each candidate gets what {@code verdict} makes of the
	 * candidate's description, with a reason; the last batch answers whether the masses
	 * appraise the list.
	 */
	public void assess(String pid, java.util.function.Function<String, String> verdict, boolean appraise) {
		while (!this.tasks(pid, "Task_AssessCandidates").isEmpty()) {
			Task task = this.task(pid, "Task_AssessCandidates");
			this.complete(task, assessment(task, verdict, appraise));
		}
	}

	public Map<String, Object> assessment(Task task, java.util.function.Function<String, String> verdict,
			boolean appraise) {
		Map<String, Object> values = new HashMap<>();
		int count = ((Number) this.taskService.getVariable(task.getId(), "candidateCount")).intValue();
		for (int i = 1; i <= count; i++) {
			String v = verdict.apply((String) this.taskService.getVariable(task.getId(), "candidate" + i));
			values.put("verdict" + i, v);
			values.put("reason" + i, "ACCEPT".equals(v) ? "走访座谈，群众认可" : "事迹不够突出");
		}
		if (Boolean.TRUE.equals(this.taskService.getVariable(task.getId(), "lastBatch"))) {
			values.put("appraiseCandidates", appraise ? "YES" : "NO");
		}
		return values;
	}

	/** 撰写事迹材料 of every nominating branch. */
	public void writeDeeds(String pid) {
		for (Task task : this.tasks(pid, "Task_WriteDeeds")) {
			Map<String, Object> values = new HashMap<>();
			int count = ((Number) this.taskService.getVariable(task.getId(), "deedsCount")).intValue();
			for (int i = 1; i <= count; i++) {
				values.put("deeds" + i, this.taskService.getVariable(task.getId(), "deedsCandidate" + i)
						+ "在创先争优活动中带头学习提高、带头争创佳绩、带头服务青年，组织志愿服务十二次，服务青年三百余人次，群众评价很好。");
			}
			this.complete(task, values);
		}
	}

	/** 审核候选名单 by the higher committee. */
	public void audit(String pid, String decision, List<String> struck, String opinion) {
		Map<String, Object> values = new HashMap<>();
		values.put("auditDecision", decision);
		values.put("struckCandidates", jsonList(struck));
		values.put("auditOpinion", opinion);
		this.complete(this.task(pid, "Task_AuditCandidates"), values);
	}

	/**
	 * A campaign of a fresh committee {@code prefix} with one branch, run to its public
	 * notice (公示): the branch's organisation and its voted member are candidates. Returns
	 * the campaign's id.
	 */
	public String campaignAtNotice(String prefix) {
		organization(prefix, 1);
		ProcessInstance campaign = startCampaign(prefix + "c", plan(1));
		complete(task(campaign.getId(), "Task_ApprovePlan"), Map.of("planDecision", "approve"));
		runJobs(campaign.getId());
		String campaignId = (String) this.runtimeService.getVariable(campaign.getId(), "campaignId");
		finishBranch(branchInstance(campaignId, prefix + "B1"));
		String commendation = commendationInstance(campaign.getId());
		nominate(commendation, List.of(prefix + "B1"), List.of());
		assess(commendation, (c) -> "ACCEPT", false);
		writeDeeds(commendation);
		audit(commendation, "APPROVE", List.of(), null);
		return campaignId;
	}

	/** The commendation process of a campaign (its business key is the campaign's). */
	public String commendationOf(String campaignId) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("CommendationProcess")
			.processInstanceBusinessKeyLike("%" + BusinessKeys.campaignSuffix(campaignId))
			.singleResult()
			.getId();
	}

	/** 印发表彰决定. */
	public void issueDecision(String pid, String decisionNo) {
		this.complete(this.task(pid, "Task_IssueDecision"),
				Map.of("decisionNo", decisionNo, "decidedOn", LocalDate.now().toString()));
	}

}
