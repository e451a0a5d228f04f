package org.cyl.excellence.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.cyl.excellence.partyrecommendation.PartyRecommendationVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The demo's round of 推优入党, staged after the demo campaign (DemoCampaign calls it once):
 * 校团委 (committee12) launches the 入党积极分子 round for its eight branches; in 英语2022级1班
 * (120301) the secretary proposes as many eligible members as the quota allows and the
 * 外国语学院团总支 (gb1203) agrees, so the branch waits for its 推优大会 to be recorded. The other
 * branches wait for their proposals. Where the organisation's members have no dates
 * (birth, joining, Party application) nobody is eligible and 120301 stays at its
 * proposal.
 */
@Component
class DemoPartyRecommendation {

	private static final Logger log = LoggerFactory.getLogger(DemoPartyRecommendation.class);

	private static final ObjectMapper json = new ObjectMapper();

	static final String BRANCH = "120301";

	private final FormService forms;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final RepositoryService repository;

	private final DemoPeople people;

	DemoPartyRecommendation(FormService forms, TaskService tasks, RuntimeService runtime, HistoryService history,
			RepositoryService repository, DemoPeople people) {
		this.people = people;
		this.repository = repository;
		this.forms = forms;
		this.tasks = tasks;
		this.runtime = runtime;
		this.history = history;
	}

	/** Stages the round unless one exists; a failure is logged, never thrown. */
	void seed() {
		if (this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PartyRecommendationVariables.LAUNCH_PROCESS)
			.count() > 0) {
			return;
		}
		try {
			run();
		}
		catch (RuntimeException ex) {
			log.warn("The demo round of 推优入党 could not be staged completely", ex);
		}
	}

	void run() {
		String definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(PartyRecommendationVariables.LAUNCH_PROCESS)
			.latestVersion()
			.singleResult()
			.getId();
		Map<String, Object> launch = new HashMap<>();
		launch.put(PartyRecommendationVariables.STAGE, "ACTIVIST");
		launch.put(PartyRecommendationVariables.PROPOSAL_DUE_DATE, LocalDate.now().plusDays(14).toString());
		launch.put(PartyRecommendationVariables.MEETING_DUE_DATE, LocalDate.now().plusDays(30).toString());
		ProcessInstance round = this.people.as("committee12", () -> this.forms.submitStartForm(definition, launch));
		this.people.jobs(round.getId(),
				() -> this.runtime.createProcessInstanceQuery().processInstanceId(round.getId()).count() == 0);
		ProcessInstance branch = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PartyRecommendationVariables.BRANCH_PROCESS)
			.variableValueEquals(PartyRecommendationVariables.BRANCH_CODE, BRANCH)
			.singleResult();
		Task propose = this.people.task(branch.getId(), "Task_ProposeCandidates");
		List<String> eligible = options(propose);
		int quota = ((Number) this.tasks.getVariable(propose.getId(), "memberQuota")).intValue();
		if (eligible.isEmpty() || quota == 0) {
			log.info("Demo 推优入党 launched; nobody in {} is eligible yet (no member dates imported)", BRANCH);
			return;
		}
		Map<String, Object> candidates = new HashMap<>();
		for (int i = 0; i < Math.min(quota, eligible.size()); i++) {
			candidates.put(PartyRecommendationVariables.CANDIDATE + (i + 1), eligible.get(i));
		}
		this.people.complete(propose.getAssignee(), propose, candidates);
		Task agree = this.people.task(branch.getId(), "Task_AgreeList");
		this.people.complete(agree.getAssignee(), agree, Map.of(PartyRecommendationVariables.LIST_DECISION, "agree",
				PartyRecommendationVariables.LIST_OPINION, "同意，请按期召开推优大会。"));
		log.info("Demo 推优入党 launched; {} waits for its 推优大会", BRANCH);
	}

	private List<String> options(Task task) {
		JsonValue value = this.tasks.getVariableTyped(task.getId(), "eligibleOptions");
		try {
			return json.readValue(value.getValueSerialized(), new TypeReference<List<Map<String, Object>>>() {
			}).stream().map((m) -> m.get("value").toString()).toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
