package org.cyl.excellence.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 模型版本（现行） ({@code /admin/models}, JSON at {@code /api/admin/models}): the administrator
 * sees every model the application deploys, as the application deployed it at its start;
 * nobody else may look; an administrator's deployment from Camunda Modeler is marked as
 * in force, and the application's next version says which administrator's version it took
 * the place of; a deployment with neither the application's source nor a logged user
 * counts as an administrator's (部署人 未记录). The deployments here are of a model of their
 * own ({@link ModelVersionsProbe}), removed after each test.
 */
@ApplicationTest
class ModelVersionsPageTests {

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ModelProperties models;

	private ModelVersionsProbe probe;

	@BeforeEach
	void probe() {
		this.probe = new ModelVersionsProbe(this.repositoryService, this.port);
	}

	@AfterEach
	void deleteTheProbe() {
		this.probe.delete();
	}

	private JsonNode overview() throws IOException {
		HttpResponse<String> response = TestHttp.login(this.port, "admin", "admin")
			.get(ModelVersionsController.API, "application/json");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private String page() {
		HttpResponse<String> response = TestHttp.login(this.port, "admin", "admin")
			.get(ModelVersionsController.PAGE, "text/html");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static JsonNode row(JsonNode list, String key) {
		for (JsonNode model : list) {
			if (key.equals(model.path("key").asText())) {
				return model;
			}
		}
		throw new AssertionError("no row for " + key + " in " + list);
	}

	/**
	 * The page's row of a key: its {@code
	 *
	<tr>
	 * }, up to the row's end.
	 */
	private static String htmlRow(String page, String key) {
		Matcher m = Pattern.compile("<tr[^>]*data-key=\"" + Pattern.quote(key) + "\"[^>]*>.*?</tr>", Pattern.DOTALL)
			.matcher(page);
		assertThat(m.find()).as("row of " + key).isTrue();
		return m.group();
	}

	/**
	 * The keys of what the application deploys, read from its files on the class path.
	 */
	private Map<String, TreeSet<String>> applicationKeys() throws IOException {
		TreeSet<String> processes = new TreeSet<>();
		TreeSet<String> decisions = new TreeSet<>();
		TreeSet<String> forms = new TreeSet<>();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		for (String location : this.models.locations()) {
			for (Resource resource : resolver.getResources(location)) {
				String name = resource.getFilename();
				try (InputStream in = resource.getInputStream()) {
					if (name.endsWith(".bpmn")) {
						Bpmn.readModelFromStream(in)
							.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
							.stream()
							.filter(org.camunda.bpm.model.bpmn.instance.Process::isExecutable)
							.forEach((p) -> processes.add(p.getId()));
					}
					else if (name.endsWith(".dmn")) {
						Dmn.readModelFromStream(in)
							.getModelElementsByType(Decision.class)
							.forEach((d) -> decisions.add(d.getId()));
					}
					else if (name.endsWith(".form")) {
						forms.add(json.readTree(in).path("id").asText());
					}
				}
			}
		}
		assertThat(processes).as("the application's processes").contains("CampaignProcess");
		assertThat(decisions).as("the application's decisions").contains("AppraisalOutcome");
		assertThat(forms).as("the application's forms").contains("MemberPledge");
		return Map.of("processes", processes, "decisions", decisions, "forms", forms);
	}

	@Test
	void administratorSeesEveryModelTheApplicationDeploysAsDeployedAtItsStart() throws IOException {
		Map<String, TreeSet<String>> expected = applicationKeys();
		JsonNode overview = overview();
		String page = page();
		assertThat(page).contains("<h1>模型版本（现行）</h1>", ">流程<", ">决策表<", ">表单<");
		for (Map.Entry<String, TreeSet<String>> kind : expected.entrySet()) {
			for (String key : kind.getValue()) {
				JsonNode model = row(overview.path(kind.getKey()), key);
				assertThat(model.path("origin").asText()).as(key).isEqualTo("应用启动时部署");
				assertThat(model.path("fromApplication").asBoolean()).as(key).isTrue();
				assertThat(model.path("deployer").asText()).as(key).isEqualTo("应用");
				assertThat(model.path("deployedBy").isNull()).as(key).isTrue();
				assertThat(model.path("administratorInForce").asBoolean()).as(key).isFalse();
				assertThat(model.path("deployedAt").asText()).as(key).isNotBlank();
				Deployment deployment = this.repositoryService.createDeploymentQuery()
					.deploymentId(model.path("deploymentId").asText())
					.singleResult();
				assertThat(deployment.getSource()).as(key).isEqualTo(ModelDeployment.DEPLOYMENT_NAME);
				assertThat(htmlRow(page, key)).as(key)
					.contains("应用启动时部署", "版本 " + model.path("version").asInt(),
							LocalDateTime.ofInstant(deployment.getDeploymentTime().toInstant(), ZoneId.systemDefault())
								.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
			}
		}
		// the version in force is the latest, with its running instances
		JsonNode campaign = row(overview.path("processes"), "CampaignProcess");
		assertThat(campaign.path("version").asInt()).isEqualTo(this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("CampaignProcess")
			.latestVersion()
			.singleResult()
			.getVersion());
		List<JsonNode> running = new ArrayList<>();
		campaign.path("running").forEach(running::add);
		assertThat(running).anySatisfy((r) -> {
			assertThat(r.path("inForce").asBoolean()).isTrue();
			assertThat(r.path("version").asInt()).isEqualTo(campaign.path("version").asInt());
			assertThat(r.path("instances").asLong()).isEqualTo(this.runtimeService.createProcessInstanceQuery()
				.processDefinitionId(campaign.path("definitionId").asText())
				.count());
		});
		// a form is named by its heading
		assertThat(row(overview.path("forms"), "MemberPledge").path("name").asText()).isEqualTo("签订个人承诺");
	}

	@Test
	void nobodyButAdministratorsSeesThePageOrItsJson() {
		for (String user : new String[] { "secretary12", "sec120101", "manager" }) {
			TestHttp person = TestHttp.login(this.port, user, "demo");
			assertThat(person.get(ModelVersionsController.PAGE, "text/html").statusCode()).as(user).isEqualTo(403);
			HttpResponse<String> api = person.get(ModelVersionsController.API, "application/json");
			assertThat(api.statusCode()).as(user).isEqualTo(403);
			assertThat(api.body()).as(user).doesNotContain("CampaignProcess");
			assertThat(person.get("/", "text/html").body()).as(user).doesNotContain(ModelVersionsController.PAGE);
		}
		assertThat(TestHttp.anonymous(this.port).get(ModelVersionsController.API, "application/json").statusCode())
			.isEqualTo(401);
		assertThat(TestHttp.anonymous(this.port).get(ModelVersionsController.PAGE, "text/html").statusCode())
			.isEqualTo(302);
		// the administrator finds it on 工作台 and in every page's header
		TestHttp admin = TestHttp.login(this.port, "admin", "admin");
		assertThat(admin.get("/", "text/html").body()).contains("href=\"/admin/models\"");
		assertThat(admin.get("/notices", "text/html").body()).contains("href=\"/admin/models\"");
	}

	@Test
	void anAdministratorsVersionIsMarkedAndTheApplicationsNextVersionSaysWhoseItReplaced() throws IOException {
		String modeler = this.probe.deployFromModeler();
		int first = this.repositoryService.createProcessDefinitionQuery()
			.deploymentId(modeler)
			.singleResult()
			.getVersion();
		this.runtimeService.startProcessInstanceByKey(ModelVersionsProbe.PROCESS);

		JsonNode overview = overview();
		String page = page();
		for (String[] kind : new String[][] { { "processes", ModelVersionsProbe.PROCESS },
				{ "decisions", ModelVersionsProbe.DECISION }, { "forms", ModelVersionsProbe.FORM } }) {
			JsonNode model = row(overview.path(kind[0]), kind[1]);
			assertThat(model.path("deploymentId").asText()).isEqualTo(modeler);
			assertThat(model.path("deployedBy").asText()).as("the user operation log names the administrator")
				.isEqualTo("admin");
			assertThat(model.path("deployer").asText()).as(kind[1]).contains("（admin）");
			assertThat(model.path("origin").asText()).isEqualTo("Camunda Modeler");
			assertThat(model.path("administratorInForce").asBoolean()).isTrue();
			assertThat(model.path("note").asText()).isEqualTo("管理员修改，现行");
			assertThat(htmlRow(page, kind[1])).contains("administrator", "管理员修改，现行", "Camunda Modeler", "（admin）");
		}
		assertThat(page).contains("现行版本中有");
		assertThat(row(overview.path("forms"), ModelVersionsProbe.FORM).path("name").asText())
			.as("the heading without what is filled in when shown")
			.isEqualTo("探针表单");

		String application = this.probe.deployAsTheApplication();
		Deployment byModeler = this.repositoryService.createDeploymentQuery().deploymentId(modeler).singleResult();
		String expectedNote = "于 "
				+ LocalDateTime.ofInstant(byModeler.getDeploymentTime().toInstant(), ZoneId.systemDefault())
					.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
				+ " 部署的版本 " + first;
		overview = overview();
		page = page();
		for (String[] kind : new String[][] { { "processes", ModelVersionsProbe.PROCESS },
				{ "decisions", ModelVersionsProbe.DECISION }, { "forms", ModelVersionsProbe.FORM } }) {
			JsonNode model = row(overview.path(kind[0]), kind[1]);
			assertThat(model.path("deploymentId").asText()).isEqualTo(application);
			assertThat(model.path("version").asInt()).isEqualTo(first + 1);
			assertThat(model.path("origin").asText()).isEqualTo("应用启动时部署");
			assertThat(model.path("deployer").asText()).isEqualTo("应用");
			assertThat(model.path("administratorInForce").asBoolean()).isFalse();
			assertThat(model.path("superseded").path("version").asInt()).isEqualTo(first);
			assertThat(model.path("superseded").path("deployedBy").asText()).isEqualTo("admin");
			assertThat(model.path("olderVersions").asInt()).isEqualTo(1);
			String note = model.path("note").asText();
			assertThat(note).startsWith("应用新版本已取代管理员 ").contains("（admin）").endsWith(expectedNote);
			assertThat(htmlRow(page, kind[1])).contains(note, "应用启动时部署").doesNotContain("管理员修改，现行");
		}
		assertThat(page).contains("应用的新版本已取代管理员部署的版本");
		// the process: the administrator's version still runs its instance, the new one
		// has none yet
		JsonNode running = row(overview.path("processes"), ModelVersionsProbe.PROCESS).path("running");
		assertThat(running).hasSize(2);
		assertThat(running.get(0).path("version").asInt()).isEqualTo(first + 1);
		assertThat(running.get(0).path("inForce").asBoolean()).isTrue();
		assertThat(running.get(0).path("instances").asLong()).isZero();
		assertThat(running.get(1).path("version").asInt()).isEqualTo(first);
		assertThat(running.get(1).path("instances").asLong()).isEqualTo(1);
		assertThat(htmlRow(page, ModelVersionsProbe.PROCESS)).contains("版本 " + (first + 1) + "（现行）：0 个",
				"版本 " + first + "：1 个");
	}

	@Test
	void aDeploymentNeitherTheApplicationsNorLoggedIsAnAdministratorsWithoutAName() throws IOException {
		String unrecorded = this.probe.deployUnrecorded();
		JsonNode model = row(overview().path("processes"), ModelVersionsProbe.PROCESS);
		assertThat(model.path("deploymentId").asText()).isEqualTo(unrecorded);
		assertThat(model.path("deployedBy").isNull()).isTrue();
		assertThat(model.path("deployer").asText()).isEqualTo("未记录");
		assertThat(model.path("origin").asText()).as("the deployment's name").isEqualTo("model-versions-probe");
		assertThat(model.path("administratorInForce").asBoolean()).isTrue();
		assertThat(model.path("note").asText()).isEqualTo("管理员修改，现行");

		this.probe.deployAsTheApplication();
		assertThat(row(overview().path("processes"), ModelVersionsProbe.PROCESS).path("note").asText())
			.isEqualTo("应用新版本已取代管理员于 "
					+ LocalDateTime
						.ofInstant(this.repositoryService.createDeploymentQuery()
							.deploymentId(unrecorded)
							.singleResult()
							.getDeploymentTime()
							.toInstant(), ZoneId.systemDefault())
						.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
					+ " 部署的版本 " + model.path("version").asInt());
	}

}
