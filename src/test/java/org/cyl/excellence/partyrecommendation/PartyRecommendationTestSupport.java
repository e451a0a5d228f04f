package org.cyl.excellence.partyrecommendation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.campaign.CampaignTestSupport;

import org.springframework.stereotype.Component;

/**
 * Drives 推优入党 as its people would, on the organisations of {@link CampaignTestSupport}
 * (branches of ten members: a quota of two), every member eligible on their dates unless
 * a test changes them.
 */
@Component
public class PartyRecommendationTestSupport {

	public final CampaignTestSupport support;

	PartyRecommendationTestSupport(CampaignTestSupport support) {
		this.support = support;
	}

	/**
	 * {@code branches} branches of ten members; every member 20 years old, two years in
	 * the League, applied to the Party a year ago.
	 */
	public void organization(String prefix, int branches) {
		this.support.organization(prefix, branches, 10, true);
		LocalDate today = LocalDate.now();
		this.support.jdbc.sql("""
				update member set birth_date = ?, joined_league_on = ?, party_applied_on = ?
				  where league_no like ?""")
			.params(today.minusYears(20), today.minusYears(2), today.minusYears(1), prefix + "-%")
			.update();
	}

	public void dates(String leagueNo, LocalDate birth, LocalDate joined, LocalDate applied) {
		this.support.jdbc
			.sql("update member set birth_date = ?, joined_league_on = ?, party_applied_on = ? where league_no = ?")
			.params(birth, joined, applied, leagueNo)
			.update();
	}

	public static Map<String, Object> launchForm(String stage) {
		Map<String, Object> v = new HashMap<>();
		v.put("stage", stage);
		v.put("proposalDueDate", LocalDate.now().plusDays(14).toString());
		v.put("meetingDueDate", LocalDate.now().plusDays(30).toString());
		return v;
	}

	/**
	 * Starts a round as {@code user} would from Tasklist, and runs the fan-out's jobs.
	 */
	public ProcessInstance launch(String user, String stage) {
		ProcessInstance launch = start(user, launchForm(stage));
		this.support.runJobs(launch.getId());
		return launch;
	}

	public ProcessInstance start(String user, Map<String, Object> form) {
		String definition = this.support.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(PartyRecommendationVariables.LAUNCH_PROCESS)
			.latestVersion()
			.singleResult()
			.getId();
		List<String> groups = this.support.identityService.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(org.camunda.bpm.engine.identity.Group::getId)
			.toList();
		this.support.identityService.setAuthentication(user, groups);
		try {
			return this.support.formService.submitStartForm(definition, form);
		}
		finally {
			this.support.identityService.clearAuthentication();
		}
	}

	/** The branch's process of the round (the latest, when a test launched twice). */
	public String branchInstance(String branchCode) {
		return this.support.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(PartyRecommendationVariables.BRANCH_PROCESS)
			.variableValueEquals("branchCode", branchCode)
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.reduce((a, b) -> b)
			.orElseThrow(() -> new AssertionError("no branch process for " + branchCode));
	}

	public Task task(String pid, String key) {
		return this.support.task(pid, key);
	}

	public void complete(String pid, String key, Map<String, Object> values) {
		this.support.complete(task(pid, key), values);
	}

	/** The League numbers the proposal form offers. */
	public List<String> options(Task task) {
		String text = ((org.camunda.spin.plugin.variable.value.JsonValue) this.support.taskService
			.getVariableTyped(task.getId(), "eligibleOptions")).getValueSerialized();
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper()
				.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() {
				})
				.stream()
				.map((m) -> m.get("value").toString())
				.toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Map<String, Object> candidates(String... leagueNos) {
		Map<String, Object> v = new HashMap<>();
		for (int i = 0; i < leagueNos.length; i++) {
			v.put("candidate" + (i + 1), leagueNos[i]);
		}
		return v;
	}

	public static Map<String, Object> meeting(long present, long... votes) {
		Map<String, Object> v = new HashMap<>();
		v.put("meetingDate", LocalDate.now().toString());
		v.put("present", present);
		for (int i = 0; i < votes.length; i++) {
			v.put("presented" + (i + 1), true);
			v.put("votes" + (i + 1), votes[i]);
		}
		return v;
	}

	public static Map<String, Object> keepAll(int count) {
		Map<String, Object> v = new HashMap<>();
		for (int i = 1; i <= count; i++) {
			v.put("keep" + i, "keep");
		}
		return v;
	}

	/** Proposes, agrees, meets and keeps: the list is on public notice. */
	public void toNotice(String pid, String... leagueNos) {
		complete(pid, "Task_ProposeCandidates", candidates(leagueNos));
		complete(pid, "Task_AgreeList", Map.of("listDecision", "agree"));
		long[] votes = new long[leagueNos.length];
		java.util.Arrays.fill(votes, 8);
		complete(pid, "Task_HoldMeeting", meeting(9, votes));
		complete(pid, "Task_CheckCandidates", keepAll(leagueNos.length));
	}

	/** The notice runs out and the committee approves: the list is recommended. */
	public void approve(String pid) {
		this.support.fireTimer(pid, "Event_NoticePeriodEnded");
		complete(pid, "Task_ApproveRecommendation", Map.of("issueNo", "测团字〔2026〕16号"));
	}

	public String status(String pid, String leagueNo) {
		return this.support.jdbc
			.sql("select status from party_recommendation where process_instance_id = ? and league_no = ?")
			.params(pid, leagueNo)
			.query(String.class)
			.single();
	}

}
