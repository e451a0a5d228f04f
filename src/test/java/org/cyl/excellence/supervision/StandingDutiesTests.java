package org.cyl.excellence.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a standing duty stands in a committee's subtree, read from the engine (test-only
 * model {@code StandingDutyTestProcess}, two steps): a branch at its first step and late,
 * one finished in the period, one of another committee not counted; the duties page and
 * its JSON for the committee, refused to a member.
 */
@ApplicationTest
class StandingDutiesTests {

	private static final String KEY = "StandingDutyTestProcess";

	private static final ObjectMapper json = new ObjectMapper();

	private static int counter;

	@LocalServerPort
	int port;

	@Autowired
	StandingDuties duties;

	@Autowired
	TaskPlaces places;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	CampaignTestSupport support;

	String prefix;

	@BeforeEach
	void organization() throws IOException {
		if (this.repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
			try (InputStream bpmn = new ClassPathResource("testmodels/duty/StandingDutyTestProcess.bpmn")
				.getInputStream()) {
				this.repositoryService.createDeployment()
					.addInputStream("StandingDutyTestProcess.bpmn", bpmn)
					.name("standing-duty-test")
					.deploy();
			}
		}
		this.prefix = "SD" + (++counter) + System.nanoTime() % 100000;
		this.support.organization(this.prefix, 3);
	}

	private String start(String branch, Instant due) {
		return this.runtimeService
			.startProcessInstanceByKey(KEY, Map.of("branchCode", branch, "firstDue", Date.from(due)))
			.getId();
	}

	private void completeAll(String instance) {
		while (this.runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
			this.taskService.createTaskQuery()
				.processInstanceId(instance)
				.list()
				.forEach((t) -> this.taskService.complete(t.getId()));
		}
	}

	@Test
	void countsTheSubtreesBranchesByStepLatenessAndFinishing() {
		Instant now = Instant.now();
		start(this.prefix + "B1", now.minus(2, ChronoUnit.DAYS));
		String second = start(this.prefix + "B2", now.plus(5, ChronoUnit.DAYS));
		this.taskService.complete(this.taskService.createTaskQuery().processInstanceId(second).singleResult().getId());
		completeAll(start(this.prefix + "B3", now.plus(5, ChronoUnit.DAYS)));
		// another committee's branch
		start("120101", now.minus(2, ChronoUnit.DAYS));

		List<StandingDuties.Duty> found = this.duties.in(List.of(KEY), this.prefix,
				Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), this.places.tree());
		assertThat(found).hasSize(1);
		StandingDuties.Duty duty = found.get(0);
		assertThat(duty.name()).isEqualTo("测试常态工作");
		assertThat(duty.running()).isEqualTo(2);
		assertThat(duty.steps()).containsExactlyInAnyOrderEntriesOf(Map.of("填写自我评价", 1, "召开支部大会", 1));
		assertThat(duty.overdue()).isEqualTo(1);
		assertThat(duty.finishedInPeriod()).isEqualTo(1);
		assertThat(duty.places()).extracting(StandingDuties.Place::orgCode)
			.containsExactly(this.prefix + "B1", this.prefix + "B2");
		assertThat(duty.places().get(0).overdue()).isTrue();
		assertThat(duty.places().get(1).overdue()).isFalse();
		assertThat(duty.sentence()).isEqualTo("测试常态工作：进行中2个（填写自我评价1个，召开支部大会1个），本期完成1个，逾期任务1项");

		// a committee with none of it: the duty with nothing at it
		this.support.organization(this.prefix + "N", 1);
		StandingDuties.Duty none = this.duties
			.in(List.of(KEY), this.prefix + "N", Date.from(now.minus(1, ChronoUnit.DAYS)),
					Date.from(now.plus(1, ChronoUnit.DAYS)), this.places.tree())
			.get(0);
		assertThat(none.running()).isZero();
		assertThat(none.places()).isEmpty();

		// a period before it all: nothing finished in it
		assertThat(this.duties
			.in(List.of(KEY), this.prefix, Date.from(now.minus(9, ChronoUnit.DAYS)),
					Date.from(now.minus(8, ChronoUnit.DAYS)), this.places.tree())
			.get(0)
			.finishedInPeriod()).isZero();
	}

	@Test
	void theCommitteeReadsItsDutiesAndAMemberIsRefused() throws Exception {
		TestHttp committee = TestHttp.login(this.port, this.prefix + "c", "demo");
		HttpResponse<String> api = committee.get("/api/supervision/" + this.prefix + "/duties", "application/json");
		assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
		JsonNode answer = json.readTree(api.body());
		assertThat(answer.get("committeeCode").asText()).isEqualTo(this.prefix);
		assertThat(answer.get("duties").isArray()).isTrue();
		HttpResponse<String> page = committee.get("/supervision/" + this.prefix + "/duties", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("常态工作进展", "督查清单");
		assertThat(committee.get("/").body()).contains("href=\"/supervision/" + this.prefix + "/duties\"");

		TestHttp member = TestHttp.login(this.port, this.prefix + "m12", "demo");
		HttpResponse<String> refused = member.get("/api/supervision/" + this.prefix + "/duties", "application/json");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).containsPattern("\\p{IsHan}");
		assertThat(member.get("/supervision/NoSuch/duties", "text/html").statusCode()).isEqualTo(404);
	}

}
