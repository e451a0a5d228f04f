package org.cyl.excellence.engine;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.RestTasks;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.TestHttp.NamedBytes;
import org.cyl.excellence.appraisal.BallotTokens;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as production runs it: the packaged jar in JVMs of their own
 * ({@link ApplicationNode}) on one PostgreSQL database — a Camunda homogeneous cluster of
 * two nodes, and a single node killed with {@code kill -9}. Everything is done over HTTP
 * as the people would do it (the organisation imported by the administrator, the campaign
 * launched by its committee, the plan approved by the city committee, the branches' tasks
 * submitted by their secretaries, ballots cast through their links); the database is only
 * read, to check what happened — the job log ({@code ACT_HI_JOB_LOG}) records which node
 * ran each job. A fresh database per test, dropped afterwards. Skipped, with a message,
 * where no PostgreSQL server is reachable; run by {@code ./mvnw verify} after the jar is
 * packaged (failsafe).
 */
@EnabledIfPostgres
class ClusterIT {

	/** Enough branches that the fan-out is still running when a node is killed. */
	private static final int BRANCHES = 300;

	private static final String CHUNK = "--app.campaign.fan-out-chunk-size=10";

	private static final Duration WAIT = Duration.ofMinutes(3);

	private static final ObjectMapper json = new ObjectMapper();

	/** How Camunda's REST API writes a date. */
	private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private final List<ApplicationNode> nodes = new ArrayList<>();

	private String database;

	private String prefix;

	/** The test's one connection to the database, to read what happened. */
	private SingleConnectionDataSource connection;

	private JdbcClient jdbc;

	@BeforeEach
	void freshDatabase() throws SQLException {
		this.database = PostgresTestServer.createDatabase();
		this.prefix = "CL" + System.nanoTime() % 100000;
		this.connection = new SingleConnectionDataSource(PostgresTestServer.urlOf(this.database),
				PostgresTestServer.USER, PostgresTestServer.PASSWORD, true);
		this.jdbc = JdbcClient.create(this.connection);
	}

	@AfterEach
	void stopNodesAndDropTheDatabase() throws Exception {
		for (ApplicationNode node : this.nodes) {
			node.close();
		}
		this.connection.destroy();
		PostgresTestServer.dropDatabase(this.database);
	}

	private ApplicationNode node(String name) throws Exception {
		ApplicationNode node = ApplicationNode.start(name, this.database, CHUNK);
		this.nodes.add(node);
		return node;
	}

	/**
	 * Two nodes: the campaign is launched on node A and approved on node B. The fan-out's
	 * chunks are jobs of their own that either node runs, both at once; the node that ran
	 * the latest chunk is killed in the middle of the fan-out, and the other goes on with
	 * the chunks still waiting and takes up the dead node's once their locks run out —
	 * every branch started exactly once, the chunks run on the two nodes, each once. A
	 * secretary logged in on the killed node goes on, logged in, on the other (sessions
	 * in the database). The killed node comes back; secretaries submit their first task
	 * on either node; the branches' overdue timers, made due, fire exactly once each, on
	 * both nodes.
	 */
	@Test
	void twoNodesShareTheCampaignAndOneFinishesTheFanOutWhenTheOtherIsKilled() throws Exception {
		ApplicationNode a = node("node-a");
		ApplicationNode b = node("node-b");
		importOrganization(b);
		String campaignPid = launch(a);
		// a secretary logged in on each node, Tasklist open (before the approval: the
		// chunks run on both nodes at once, and the fan-out must still run at the kill)
		Map<ApplicationNode, TestHttp> browsers = new HashMap<>();
		for (ApplicationNode node : List.of(a, b)) {
			TestHttp browser = TestHttp.login(node.port, this.prefix + "s1", "demo");
			node.expect(browser.get("/camunda/app/tasklist/default/"), 200);
			browsers.put(node, browser);
		}
		approve(b, campaignPid);
		String campaignId = campaignId();
		waitFor("the fan-out to start", () -> started(campaignId) >= BRANCHES / 5);

		// the node that ran the latest chunk dies in the middle of the fan-out
		List<String> running = strings("select hostname_ from act_hi_job_log where process_instance_id_ = ?"
				+ " and act_id_ = 'SubProcess_StartBranches' and job_state_ = 2 order by timestamp_ desc limit 1",
				campaignPid);
		ApplicationNode runner = running.get(0).equals(a.name) ? a : b;
		ApplicationNode other = (runner == a) ? b : a;
		TestHttp browser = browsers.get(runner);
		runner.kill();
		long startedAtKill = started(campaignId);
		assertThat(startedAtKill).as("branches started when %s was killed", runner.name).isLessThan(BRANCHES);

		// the other finishes it: every branch once, each waiting at its first task
		waitFor("every branch to wait at its first task", () -> waitingAtMobilization(campaignId) == BRANCHES);
		assertEveryBranchStartedOnce(campaignId, campaignPid);
		assertThat(strings("select distinct hostname_ from act_hi_job_log where process_instance_id_ = ?"
				+ " and act_id_ = 'SubProcess_StartBranches' and job_state_ = 2", campaignPid))
			.as("the nodes that ran chunks of the fan-out")
			.containsExactlyInAnyOrder("node-a", "node-b");
		assertThat(other.alive()).isTrue();

		// the secretary's next requests reach the other node: still logged in there
		TestHttp sameBrowser = browser.at(other.port);
		assertThat(other.expect(sameBrowser.get("/camunda/api/admin/auth/user/default"), 200).body())
			.contains("\"userId\":\"" + this.prefix + "s1\"");
		assertThat(other
			.expect(sameBrowser.get("/camunda/api/engine/engine/default/task?taskDefinitionKey=Task_MobilizeBranch"),
					200)
			.body()).contains(branchInstance(campaignId, 1)).doesNotContain(branchInstance(campaignId, 2));
		assertThat(other.expect(sameBrowser.get("/notices"), 200).body()).contains("我的通知");
		System.out.println("ClusterIT: " + runner.name + " killed after " + startedAtKill + " of " + BRANCHES
				+ " branches; chunks run per node: "
				+ strings("select hostname_ || ' ' || count(*) from act_hi_job_log"
						+ " where process_instance_id_ = ? and act_id_ = 'SubProcess_StartBranches' and job_state_ = 2"
						+ " group by hostname_ order by 1", campaignPid));

		// the killed node comes back
		runner.restart();
		// secretaries submit 召开动员大会 on either node
		for (int branch = 1; branch <= 10; branch++) {
			ApplicationNode node = (branch % 2 == 0) ? a : b;
			TestHttp secretary = node.basic(this.prefix + "s" + branch, "demo");
			String pid = branchInstance(campaignId, branch);
			RestTasks.submit(secretary, RestTasks.task(secretary, pid, "Task_MobilizeBranch"),
					CampaignTestSupport.mobilization());
		}
		assertThat(waitingAtMobilization(campaignId)).isEqualTo(BRANCHES - 10);

		// every branch's overdue timer (召开动员大会 past its due date) made due by the
		// administrator, half through each node: each fires once, on one node or the
		// other
		List<String> timers = strings(
				"select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
						+ " join campaign_branch cb on cb.process_instance_id = j.process_instance_id_"
						+ " where j.type_ = 'timer' and d.act_id_ = 'Task_MobilizeBranch' and cb.campaign_id = ?",
				campaignId);
		assertThat(timers).hasSize(BRANCHES - 10);
		String due = OffsetDateTime.now().minusMinutes(1).format(REST_DATE);
		for (int i = 0; i < timers.size(); i++) {
			ApplicationNode node = (i % 2 == 0) ? a : b;
			node.expect(node.basic("admin", "admin")
				.put("/engine-rest/job/" + timers.get(i) + "/duedate", "{\"duedate\":\"" + due + "\"}"), 204);
		}
		Object ids = timers.toArray(String[]::new);
		waitFor("every overdue timer to fire",
				() -> count("select count(*) from act_ru_job where id_ = any(?)", ids) == 0);
		assertThat(count("select count(*) from overdue_task where campaign_id = ? and task_name = '制定支部方案并动员'",
				campaignId))
			.isEqualTo(BRANCHES - 10);
		assertThat(count("select count(*) from act_hi_job_log where job_state_ = 2 and job_id_ = any(?)", ids))
			.as("successful runs of the timers")
			.isEqualTo(timers.size());
		assertThat(
				strings("select distinct hostname_ from act_hi_job_log where job_state_ = 2 and job_id_ = any(?)", ids))
			.as("the nodes that ran the timers %s",
					strings("select hostname_ || ' ' || count(*) from act_hi_job_log"
							+ " where job_state_ = 2 and job_id_ = any(?) group by hostname_ order by 1", ids))
			.containsExactlyInAnyOrder("node-a", "node-b");
		assertThat(count("select count(*) from act_ru_incident")).isZero();
	}

	/**
	 * One node, {@code kill -9}ed twice. During the fan-out: after the restart the
	 * fan-out completes, every branch once. During ballot intake (eight people submitting
	 * ballots at once): after the restart every ballot the page acknowledged is counted
	 * and its link refuses a second ballot; every link whose answer was cut off either
	 * counted once or still works; in the end as many ballots as links used, none twice.
	 */
	@Test
	void killNineDuringTheFanOutAndDuringBallotIntakeLosesNothingAndDoublesNothing() throws Exception {
		ApplicationNode node = node("node-solo");
		Campaign campaign = campaignInFanOut(node, node, node);
		String campaignPid = campaign.pid();
		String campaignId = campaign.id();
		node.kill();
		assertThat(started(campaignId)).as("branches started at the kill").isLessThan(BRANCHES);
		node.restart();
		waitFor("every branch to wait at its first task", () -> waitingAtMobilization(campaignId) == BRANCHES);
		assertEveryBranchStartedOnce(campaignId, campaignPid);

		// ballot intake
		int ballots = 400;
		String appraisalId = openAppraisal(node, campaignId, ballots);
		byte[] secret = Base64.getDecoder()
			.decode(strings("select secret_value from app_secret where name = 'ballot-token-secret'").get(0));
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < ballots; i++) {
			tokens.add(BallotTokens.token(secret, appraisalId, i));
		}
		int items = json.readTree(strings("select items from appraisal where id = ?", appraisalId).get(0)).size();
		Map<String, String> answers = new LinkedHashMap<>();
		for (int i = 0; i < items; i++) {
			answers.put("item" + i, "SATISFIED");
		}
		String form = TestHttp.form(answers);

		Map<String, String> outcome = new ConcurrentHashMap<>();
		AtomicInteger acknowledged = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		ExecutorService people = Executors.newFixedThreadPool(8);
		List<Future<?>> running = new ArrayList<>();
		for (int p = 0; p < 8; p++) {
			running.add(people.submit(() -> {
				for (int i = next.getAndIncrement(); i < ballots; i = next.getAndIncrement()) {
					String token = tokens.get(i);
					try {
						HttpResponse<String> response = node.anonymous()
							.post("/ballot/" + token, form, "application/x-www-form-urlencoded");
						boolean thanked = response.statusCode() == 200 && response.body().contains("感谢您的评议");
						outcome.put(token, thanked ? "acknowledged" : "refused " + response.statusCode());
						if (thanked) {
							acknowledged.incrementAndGet();
						}
					}
					catch (RuntimeException ex) {
						// the connection was cut off: the person does not know whether
						// it counted
						outcome.put(token, "cut off");
					}
				}
				return null;
			}));
		}
		waitFor("a hundred ballots acknowledged", () -> acknowledged.get() >= 100);
		node.kill();
		for (Future<?> person : running) {
			person.get();
		}
		people.shutdown();
		List<String> thanked = tokens.stream().filter((t) -> "acknowledged".equals(outcome.get(t))).toList();
		assertThat(thanked.size()).as("ballots acknowledged before the kill").isBetween(100, ballots - 1);
		assertThat(outcome.values()).as("no ballot refused while the node was up")
			.allMatch((o) -> o.equals("acknowledged") || o.equals("cut off"));
		node.restart();

		// nothing acknowledged lost, nothing doubled
		assertThat(count("select count(*) from ballot where appraisal_id = ?", appraisalId))
			.isEqualTo(count("select count(*) from ballot_token where appraisal_id = ? and used", appraisalId));
		for (String token : thanked) {
			assertThat(
					count("select count(*) from ballot_token where token_hash = ? and used", BallotTokens.hash(token)))
				.as("an acknowledged ballot's link is used")
				.isEqualTo(1);
		}
		long counted = count("select count(*) from ballot where appraisal_id = ?", appraisalId);
		for (String token : thanked.subList(0, 20)) {
			assertThat(
					node.anonymous().post("/ballot/" + token, form, "application/x-www-form-urlencoded").statusCode())
				.as("an acknowledged link again")
				.isEqualTo(409);
		}
		assertThat(count("select count(*) from ballot where appraisal_id = ?", appraisalId)).isEqualTo(counted);
		// every link not acknowledged: counted before the cut (409 now) or open (counts
		// now)
		for (String token : tokens) {
			if (!thanked.contains(token)) {
				int status = node.anonymous()
					.post("/ballot/" + token, form, "application/x-www-form-urlencoded")
					.statusCode();
				assertThat(status).as("a link whose answer was cut off").isIn(200, 409);
			}
		}
		assertThat(count("select count(*) from ballot where appraisal_id = ?", appraisalId)).isEqualTo(ballots);
		assertThat(count("select count(*) from ballot_token where appraisal_id = ? and used", appraisalId))
			.isEqualTo(ballots);
	}

	// the people's steps, over HTTP

	record Campaign(String pid, String id) {
	}

	/**
	 * The organisation imported on one node, the campaign launched on another and
	 * approved on a third (or the same), once a fifth of its branches are started.
	 */
	private Campaign campaignInFanOut(ApplicationNode importOn, ApplicationNode launchOn, ApplicationNode approveOn)
			throws Exception {
		importOrganization(importOn);
		String pid = launch(launchOn);
		approve(approveOn, pid);
		String id = campaignId();
		waitFor("the fan-out to start", () -> started(id) >= BRANCHES / 5);
		return new Campaign(pid, id);
	}

	private void importOrganization(ApplicationNode node) {
		Map<String, NamedBytes> parts = new LinkedHashMap<>();
		CampaignTestSupport.organizationFiles(this.prefix, BRANCHES, 3, true)
			.forEach((part, bytes) -> parts.put(part, new NamedBytes(part + ".csv", bytes)));
		node.expect(node.basic("admin", "admin").postFiles("/api/organizations/import", parts), 200);
	}

	/** The committee launches the campaign (start form 活动方案). */
	private String launch(ApplicationNode node) throws Exception {
		HttpResponse<String> started = node.expect(node.basic(this.prefix + "c", "demo")
			.postJson("/engine-rest/process-definition/key/CampaignProcess/submit-form",
					RestTasks.variables(CampaignTestSupport.plan(1)).toString()),
				200);
		return json.readTree(started.body()).get("id").asText();
	}

	/** The city committee approves the plan. */
	private void approve(ApplicationNode node, String campaignPid) {
		TestHttp city = node.basic("city1", "demo");
		RestTasks.submit(city, RestTasks.task(city, campaignPid, "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
	}

	/**
	 * An appraisal of the first branch with {@code ballots} links, open today: started by
	 * the administrator as the branch's process would call it, initiated by the general
	 * branch's committee in its task 发起群众评议.
	 */
	private String openAppraisal(ApplicationNode node, String campaignId, int ballots) throws Exception {
		Map<String, Object> variables = new HashMap<>();
		variables.put("campaignId", campaignId);
		variables.put("orgCode", this.prefix + "B1");
		variables.put("branchCode", this.prefix + "B1");
		variables.put("appraisalCommitteeGroup", "org" + this.prefix + "Gcommittee");
		variables.put("secretaryGroup", "org" + this.prefix + "B1secretary");
		var body = RestTasks.variables(variables);
		((com.fasterxml.jackson.databind.node.ObjectNode) body.get("variables")).putObject("appraisalDue")
			.put("type", "Date")
			.put("value", OffsetDateTime.now().plusDays(1).format(REST_DATE));
		HttpResponse<String> started = node.expect(node.basic("admin", "admin")
			.postJson("/engine-rest/process-definition/key/MassAppraisalProcess/start", body.toString()), 200);
		String pid = json.readTree(started.body()).get("id").asText();
		TestHttp committee = node.basic(this.prefix + "g", "demo");
		Map<String, Object> values = new HashMap<>();
		values.put("ballotCount", (long) ballots);
		values.put("opensAt", LocalDate.now().toString());
		values.put("closesAt", LocalDate.now().plusDays(7).toString());
		values.put("publishScope", "BRANCH");
		RestTasks.submit(committee, RestTasks.task(committee, pid, "Task_InitiateAppraisal"), values);
		return strings("select id from appraisal where process_instance_id = ?", pid).get(0);
	}

	// what the database says

	private String campaignId() {
		return strings("select id from campaign where committee_code = ?", this.prefix).get(0);
	}

	private long started(String campaignId) {
		return count("select count(*) from campaign_branch where campaign_id = ? and process_instance_id is not null",
				campaignId);
	}

	private long waitingAtMobilization(String campaignId) {
		return count(CampaignTestSupport.WAITING_AT_MOBILIZATION, campaignId);
	}

	private String branchInstance(String campaignId, int branch) {
		return strings("select process_instance_id from campaign_branch where campaign_id = ? and branch_code = ?",
				campaignId, this.prefix + "B" + branch)
			.get(0);
	}

	/**
	 * Every branch has one BranchCampaignProcess (running and in history), recorded once;
	 * every job of the fan-out succeeded once; no incident.
	 */
	private void assertEveryBranchStartedOnce(String campaignId, String campaignPid) {
		assertThat(count("select count(distinct process_instance_id) from campaign_branch where campaign_id = ?",
				campaignId))
			.isEqualTo(BRANCHES);
		// the branches' readable keys end with （<code>）#<the campaign id's first eight>
		String branchKeys = "%）" + org.cyl.excellence.campaign.BusinessKeys.campaignSuffix(campaignId);
		assertThat(count("select count(*) from act_hi_procinst where proc_def_key_ = 'BranchCampaignProcess'"
				+ " and business_key_ like ?", branchKeys))
			.as("branch processes ever started")
			.isEqualTo(BRANCHES);
		assertThat(count("select count(*) from act_ru_execution where parent_id_ is null and business_key_ like ?"
				+ " and proc_def_id_ like 'BranchCampaignProcess:%'", branchKeys))
			.as("branch processes running")
			.isEqualTo(BRANCHES);
		assertThat(count("select count(*) from (select job_id_ from act_hi_job_log where process_instance_id_ = ?"
				+ " and job_state_ = 2 group by job_id_ having count(*) > 1) twice", campaignPid))
			.as("jobs of the fan-out that succeeded twice")
			.isZero();
		assertThat(count("select count(*) from act_ru_incident")).isZero();
		// the jobs ending the chunks' instances may still run (one at a time: they are
		// exclusive, and held for the lock time by a node that died with them)
		waitFor("the fan-out's last jobs",
				() -> count("select count(*) from act_ru_job where process_instance_id_ = ? and type_ <> 'timer'",
						campaignPid) == 0);
		assertThat(count(
				"select count(*) from act_ru_execution where proc_inst_id_ = ? and act_id_ = 'Task_AwaitBranches'",
				campaignPid))
			.as("the campaign waiting for its branches")
			.isEqualTo(1);
	}

	private static void waitFor(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited " + WAIT + " for " + what);
			}
			ApplicationNode.sleep(200);
		}
	}

	private long count(String sql, Object... params) {
		return Long.parseLong(strings(sql, params).get(0));
	}

	private List<String> strings(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(String.class).list();
	}

}
