package org.cyl.excellence.engine;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cockpit's list of a process definition's instances, with its authorization join
 * rewritten ({@link CockpitQueries}), and its count list exactly the instances the
 * engine's own query gives — for the manager, who may read every instance, and for a
 * person granted one instance only — each once, newest first; and the rewrite applies to
 * the SQL Cockpit really sends (it fails if Cockpit's SQL stops matching).
 */
@ApplicationTest
class CockpitQueriesTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static final String PLUGIN = "/camunda/api/cockpit/plugin/base/default";

	/**
	 * Cockpit's SQL of the instance list as it reaches the database (H2; a person in no
	 * group).
	 */
	static final String LIST = "select distinct INSTANCE.ID_, INSTANCE.BUSINESS_KEY_, INSTANCE.START_TIME_,"
			+ " INSTANCE.SUSPENSION_STATE_, INCIDENT.INCIDENT_TYPE_, INCIDENT.INCIDENT_COUNT_ from (\n"
			+ "        select distinct RES.* ,\n         HISTORY.START_TIME_ from ACT_RU_EXECUTION RES\n"
			+ "    left join ACT_HI_PROCINST HISTORY ON RES.ID_ = HISTORY.PROC_INST_ID_\n"
			+ "    inner join ACT_RE_PROCDEF P on RES.PROC_DEF_ID_ = P.ID_\n"
			+ "    left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') )"
			+ " AND ( ( A.RESOURCE_TYPE_ = ? AND BITAND(A.PERMS_,CAST(? AS BIGINT)) = ? OR A.RESOURCE_TYPE_ = ? AND"
			+ " BITAND(A.PERMS_,CAST(? AS BIGINT)) = ? ) ) )\n"
			+ "        AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.PROC_INST_ID_\n   , P.KEY_\n  , '*'\n   ))\n"
			+ "    WHERE RES.ID_ = RES.PROC_INST_ID_ and RES.PROC_DEF_ID_ = ?\n"
			+ "      AND AUTH.RESOURCE_ID_ IS NOT NULL\n      and (RES.TENANT_ID_ is null )\n"
			+ "    order by START_TIME_ desc LIMIT ? OFFSET ? ) INSTANCE\n"
			+ "      left join ( select INCIDENT.PROC_INST_ID_, INCIDENT.INCIDENT_TYPE_, count(INCIDENT.ID_)"
			+ " INCIDENT_COUNT_ from ACT_RU_INCIDENT INCIDENT where INCIDENT.PROC_DEF_ID_ = ? group by"
			+ " INCIDENT.PROC_INST_ID_, INCIDENT.INCIDENT_TYPE_ ) INCIDENT on INSTANCE.ID_ = INCIDENT.PROC_INST_ID_"
			+ " order by START_TIME_ desc";

	@LocalServerPort
	int port;

	@Autowired
	CockpitQueries queries;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	org.camunda.bpm.engine.HistoryService history;

	String definitionId;

	@BeforeEach
	void branchesAreRunning() {
		ProcessInstance campaign = this.support.startCampaign("committee12", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		this.definitionId = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("BranchCampaignProcess")
			.latestVersion()
			.singleResult()
			.getId();
	}

	@Test
	void theJoinBecomesAnExistsWithItsParametersInPlaceAndTheListLosesItsDistinct() {
		String rewritten = CockpitQueries.rewrite("cockpit.base.selectRunningProcessInstancesIncludingIncidents", LIST);
		assertThat(rewritten).isNotNull()
			.doesNotContain("SELECT A.* FROM")
			.doesNotContain("AUTH.")
			.contains("select RES.* , HISTORY.START_TIME_")
			.contains("inner join ( select 1 as ONE_ ) AUTH on exists ( select 1 from ACT_RU_AUTHORIZATION A where"
					+ " ( A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') ) AND ( ( A.RESOURCE_TYPE_ = ?")
			.contains("and A.RESOURCE_ID_ in ( RES.PROC_INST_ID_ , P.KEY_ , '*' ) )")
			// the outer distinct (over the 50 rows and their incidents) stays
			.startsWith("select distinct INSTANCE.ID_");
		assertThat(parameters(rewritten)).isEqualTo(parameters(LIST));
		// the same join in another statement: rewritten, its distinct kept
		assertThat(CockpitQueries.rewrite("cockpit.base.selectRunningProcessInstancesCount", LIST))
			.contains("select distinct RES.*")
			.contains("AUTH on exists");
		// the incidents joined inside: instances repeat, the distinct stays
		String withIncidents = LIST.replace("inner join ACT_RE_PROCDEF P on",
				"join ACT_RU_INCIDENT INCIDENT ON RES.ID_ = INCIDENT.PROC_INST_ID_ inner join ACT_RE_PROCDEF P on");
		assertThat(
				CockpitQueries.rewrite("cockpit.base.selectRunningProcessInstancesIncludingIncidents", withIncidents))
			.contains("select distinct RES.*");
	}

	@Test
	void anythingElseRunsAsCamundaWroteIt() {
		String statement = "cockpit.base.selectRunningProcessInstancesIncludingIncidents";
		assertThat(CockpitQueries.rewrite(statement, "select * from ACT_RU_EXECUTION where ID_ = ?")).isNull();
		// the authorizations used elsewhere in the statement
		assertThat(CockpitQueries.rewrite(statement,
				LIST.replace("order by START_TIME_ desc LIMIT", "order by AUTH.ID_, START_TIME_ desc LIMIT")))
			.isNull();
		// the join on other resources than the three
		assertThat(CockpitQueries.rewrite(statement, LIST.replace(", '*'\n   ))", "))"))).isNull();
		// no check of the join's result
		assertThat(CockpitQueries.rewrite(statement, LIST.replace("AND AUTH.RESOURCE_ID_ IS NOT NULL", ""))).isNull();
	}

	@Test
	void theManagerListsEveryInstanceOnceNewestFirstAsTheEngineCountsThem() {
		long before = this.queries.rewritten();
		TestHttp manager = TestHttp.login(this.port, "manager", "demo");
		List<JsonNode> listed = list(manager);
		long count = count(manager);

		long running = this.runtime.createProcessInstanceQuery().processDefinitionId(this.definitionId).count();
		assertThat(count).isEqualTo(running).isPositive();
		assertThat(listed).hasSize((int) Math.min(running, 50));
		Set<String> ids = new HashSet<>();
		listed.forEach((instance) -> ids.add(instance.get("id").asText()));
		assertThat(ids).as("each instance once").hasSize(listed.size());
		assertThat(startTimes(listed)).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		if (running <= 50) {
			assertThat(ids).containsExactlyInAnyOrderElementsOf(this.runtime.createProcessInstanceQuery()
				.processDefinitionId(this.definitionId)
				.list()
				.stream()
				.map(ProcessInstance::getId)
				.toList());
		}
		else {
			// the newest 50: none of the others started later than the last listed
			Instant last = startTimes(listed).get(listed.size() - 1);
			assertThat(this.history.createHistoricProcessInstanceQuery()
				.processDefinitionId(this.definitionId)
				.unfinished()
				.startedAfter(java.util.Date.from(last.plusMillis(1)))
				.count()).isLessThanOrEqualTo(listed.size());
		}
		assertThat(this.queries.rewritten() - before).as("the list rewritten").isPositive();
	}

	@Test
	void aPersonGrantedOneInstanceListsThatOneOnly() {
		String probe = "cockpitprobe" + System.nanoTime() % 100000;
		User user = this.identity.newUser(probe);
		user.setPassword("probe-password");
		user.setFirstName("探针");
		user.setLastName("测试");
		this.identity.saveUser(user);
		List<String> created = new ArrayList<>();
		try {
			created.add(grant(probe, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
			created.add(grant(probe, Resources.PROCESS_DEFINITION, "BranchCampaignProcess", Permissions.READ));
			String granted = this.runtime.createProcessInstanceQuery()
				.processDefinitionId(this.definitionId)
				.listPage(0, 1)
				.get(0)
				.getId();
			created.add(grant(probe, Resources.PROCESS_INSTANCE, granted, Permissions.READ));

			TestHttp person = TestHttp.login(this.port, probe, "probe-password");
			List<JsonNode> listed = list(person);
			assertThat(listed).extracting((instance) -> instance.get("id").asText()).containsExactly(granted);
			assertThat(count(person)).isOne();
		}
		finally {
			created.forEach(this.authorizations::deleteAuthorization);
			this.identity.deleteUser(probe);
		}
	}

	@Test
	void aSecretaryListsNoneOfTheInstances() {
		// Camunda lets anyone logged in call Cockpit's plugin API; the authorizations
		// decide
		TestHttp secretary = TestHttp.login(this.port, "sec120302", "demo");
		assertThat(list(secretary)).isEmpty();
		assertThat(count(secretary)).isZero();
	}

	private String grant(String user, Resources resource, String id, Permissions permission) {
		Authorization authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setUserId(user);
		authorization.setResource(resource);
		authorization.setResourceId(id);
		authorization.addPermission(permission);
		return this.authorizations.saveAuthorization(authorization).getId();
	}

	private List<JsonNode> list(TestHttp person) {
		HttpResponse<String> response = person.get(PLUGIN + "/process-instance?processDefinitionId=" + this.definitionId
				+ "&firstResult=0&maxResults=50&sortBy=startTime&sortOrder=desc");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<JsonNode> listed = new ArrayList<>();
		read(response.body()).forEach(listed::add);
		return listed;
	}

	private long count(TestHttp person) {
		HttpResponse<String> response = person
			.get(PLUGIN + "/process-instance/count?processDefinitionId=" + this.definitionId);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return read(response.body()).get("count").asLong();
	}

	private static List<Instant> startTimes(List<JsonNode> listed) {
		return listed.stream()
			.map((instance) -> OffsetDateTime
				.parse(instance.get("startTime").asText(), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
				.toInstant())
			.toList();
	}

	private static long parameters(String sql) {
		return sql.chars().filter((c) -> c == '?').count();
	}

	private static JsonNode read(String body) {
		try {
			return json.readTree(body);
		}
		catch (Exception ex) {
			throw new AssertionError(body, ex);
		}
	}

}
