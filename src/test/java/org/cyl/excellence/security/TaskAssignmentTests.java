package org.cyl.excellence.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task only one known person can do is assigned to that person when it is created
 * (organization/SingleCandidateAssignment), still offered to their group; and the filter
 * Tasklist opens first lists whatever waits for the person — their own tasks and those
 * offered to their groups that nobody claimed (test-only model
 * {@code CandidateTestProcess}: one task for the group in {@code candidateGroup}).
 */
@ApplicationTest
class TaskAssignmentTests {

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@BeforeEach
	void deploy() throws IOException {
		try (InputStream bpmn = new ClassPathResource("testmodels/bpmn/CandidateTestProcess.bpmn").getInputStream()) {
			this.repositoryService.createDeployment()
				.name("candidate-test")
				.enableDuplicateFiltering(true)
				.addInputStream("CandidateTestProcess.bpmn", bpmn)
				.deploy();
		}
	}

	private Task startFor(String group) {
		String id = this.runtimeService
			.startProcessInstanceByKey("CandidateTestProcess", Map.of("candidateGroup", group))
			.getProcessInstanceId();
		return this.taskService.createTaskQuery().processInstanceId(id).singleResult();
	}

	@Test
	void aSingleSecretarysTaskIsHersFromTheStartAndInHerFirstFilter() throws Exception {
		Task task = startFor("org120301secretary");
		assertThat(task.getAssignee()).isEqualTo("sec120301");
		assertThat(this.taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
			.as("still offered to the group, for colleagues and the committees above")
			.contains("org120301secretary");

		TestHttp secretary = TestHttp.basic(this.port, "sec120301", "demo");
		JsonNode first = firstFilter(secretary);
		assertThat(first.get("name").asText()).isEqualTo("我的待办");
		assertThat(list(secretary, first.get("id").asText())).contains(task.getId());
		assertThat(list(secretary, filterId(secretary, "待认领"))).doesNotContain(task.getId());

		// another branch's secretary sees nothing of it, and may not take it
		TestHttp other = TestHttp.basic(this.port, "sec120302", "demo");
		assertThat(list(other, firstFilter(other).get("id").asText())).doesNotContain(task.getId());
		assertThat(other.postJson("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"sec120302\"}")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void aTaskOfAGroupOfTwoWaitsUnassignedInBothFirstFiltersUntilOneClaimsIt() throws Exception {
		// 校团委's committee: secretary12 and committee12
		Task task = startFor("org12committee");
		assertThat(task.getAssignee()).isNull();

		TestHttp secretary = TestHttp.basic(this.port, "secretary12", "demo");
		TestHttp committee = TestHttp.basic(this.port, "committee12", "demo");
		String mine = firstFilter(secretary).get("id").asText();
		assertThat(list(secretary, mine)).contains(task.getId());
		assertThat(list(committee, mine)).contains(task.getId());
		assertThat(list(secretary, filterId(secretary, "待认领"))).contains(task.getId());

		assertThat(committee.postJson("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"committee12\"}")
			.statusCode()).isEqualTo(204);
		assertThat(list(committee, mine)).contains(task.getId());
		assertThat(list(secretary, mine)).as("claimed by the colleague").doesNotContain(task.getId());
		assertThat(list(secretary, filterId(secretary, "待认领"))).doesNotContain(task.getId());
		assertThat(list(secretary, filterId(secretary, "全部待办"))).as("still offered to her group")
			.contains(task.getId());
	}

	@Test
	void aGroupOfNobodyOrNoOrganisationLeavesTheTaskUnassigned() {
		// a 团总支 has no managers; a group of no organisation names nobody known
		assertThat(startFor("org1201manager").getAssignee()).isNull();
		assertThat(startFor("someothergroup").getAssignee()).isNull();
		// a 团总支's committee of one member (gb1203) — not 团市委's: in the tests' shared
		// application, the organisations other tests import put members of their own into
		// it
		assertThat(startFor("org1203committee").getAssignee()).isEqualTo("gb1203");
	}

	/**
	 * The shared filter Tasklist opens first: the lowest priority the person may read.
	 */
	private static JsonNode firstFilter(TestHttp user) throws Exception {
		HttpResponse<String> filters = user.get("/engine-rest/filter?resourceType=Task");
		assertThat(filters.statusCode()).as(filters.body()).isEqualTo(200);
		List<JsonNode> all = new ArrayList<>();
		json.readTree(filters.body()).forEach(all::add);
		assertThat(all).isNotEmpty();
		return all.stream()
			.min(Comparator.comparingInt((JsonNode f) -> f.at("/properties/priority").asInt(Integer.MAX_VALUE)))
			.orElseThrow();
	}

	private static String filterId(TestHttp user, String name) throws Exception {
		for (JsonNode f : json.readTree(user.get("/engine-rest/filter?resourceType=Task").body())) {
			if (name.equals(f.get("name").asText())) {
				return f.get("id").asText();
			}
		}
		throw new AssertionError("no filter " + name);
	}

	private static String list(TestHttp user, String filterId) {
		HttpResponse<String> tasks = user.postJson("/engine-rest/filter/" + filterId + "/list", "{}");
		assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
		return tasks.body();
	}

}
