package org.cyl.excellence.demo;

import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.cyl.excellence.ExcellenceCampaignApplication;
import org.cyl.excellence.ProcessTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start with the demo data stages a running campaign whose branches stand at
 * different stages; a second start stages nothing more.
 */
class DemoCampaignTests {

	@TempDir
	Path dataDir;

	@Test
	void aFirstStartShowsACampaignWithBranchesAtDifferentStagesAndASecondStartAddsNothing() {
		try (ConfigurableApplicationContext app = start()) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			ProcessEngine engine = app.getBean(ProcessEngine.class);
			String id = jdbc.sql("select id from campaign").query(String.class).single();
			Map<String, String> stages = new java.util.TreeMap<>();
			jdbc.sql("select branch_code, stage from campaign_branch where campaign_id = ?").param(id).query((rs) -> {
				stages.put(rs.getString(1), rs.getString(2));
			});
			assertThat(stages).hasSize(8)
				.containsEntry("120101", "PLEDGING")
				.containsEntry("120102", "PLEDGING")
				.containsEntry("120103", "MOBILIZING")
				.containsEntry("120201", "RECTIFYING")
				.containsEntry("120202", "REVIEWING");
			assertThat(jdbc.sql("select count(*) from member_pledge where campaign_id = ? and branch_code = '120101'")
				.param(id)
				.query(Integer.class)
				.single()).isPositive();
			assertThat(jdbc.sql("select branch_code from overdue_task where campaign_id = ?")
				.param(id)
				.query(String.class)
				.list()).containsExactly("120103");
			// tasks only one person can do are that person's from the start, still
			// offered to
			// their group
			assertThat(engine.getTaskService()
				.createTaskQuery()
				.taskCandidateGroup("org1202committee")
				.includeAssignedTasks()
				.list()).extracting("name", "assignee").contains(org.assertj.core.groups.Tuple.tuple("团委点评", "gb1202"));
			assertThat(engine.getTaskService()
				.createTaskQuery()
				.taskCandidateGroup("org120201secretary")
				.processDefinitionKey("BranchCampaignProcess")
				.includeAssignedTasks()
				.list()).extracting("name", "assignee")
				.containsExactly(org.assertj.core.groups.Tuple.tuple("限期整改", "sec120201"));
			assertThat(engine.getTaskService()
				.createTaskQuery()
				.taskCandidateGroup("org120103secretary")
				.processDefinitionKey("BranchCampaignProcess")
				.includeAssignedTasks()
				.list()).extracting("name", "assignee")
				.containsExactly(org.assertj.core.groups.Tuple.tuple("制定支部方案并动员", "sec120103"));
			// the duty report: 120102's secretary has reported, her members have their
			// ballot links, the 团总支 has her report to comment on; the others write
			assertThat(
					jdbc.sql("select org_code from duty_report where status = 'APPRAISING'").query(String.class).list())
				.containsExactly("120102");
			assertThat(jdbc.sql("select count(*) from duty_report").query(Integer.class).single()).isEqualTo(11);
			assertThat(
					jdbc.sql("select count(*) from notice where link like '/ballot/%'").query(Integer.class).single())
				.isPositive();
			assertThat(engine.getTaskService()
				.createTaskQuery()
				.taskCandidateGroup("org1201committee")
				.processDefinitionKey("SecretaryDutyReportProcess")
				.includeAssignedTasks()
				.list()).extracting("name").containsExactly("点评述职报告");
			assertThat(engine.getTaskService()
				.createTaskQuery()
				.taskCandidateGroup("org120101secretary")
				.processDefinitionKey("SecretaryDutyReportProcess")
				.includeAssignedTasks()
				.list()).extracting("name", "assignee")
				.containsExactly(org.assertj.core.groups.Tuple.tuple("撰写述职报告", "sec120101"));
			// the demo's round of 推优入党 waits in every branch of 校团委
			assertThat(engine.getTaskService()
				.createTaskQuery()
				.processDefinitionKey("BranchPartyRecommendationProcess")
				.taskAssignee("sec120301")
				.list()).isNotEmpty();
			// readable business keys: the campaign's title, the organisation, the
			// branch's code
			String shortId = id.substring(0, 8);
			assertThat(engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processDefinitionKey("CampaignProcess")
				.singleResult()
				.getBusinessKey()).matches("南江大学\\d{4}年创先争优活动 · 南江大学团委 #" + shortId);
			assertThat(engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processDefinitionKey("BranchCampaignProcess")
				.variableValueEquals("branchCode", "120303")
				.singleResult()
				.getBusinessKey()).matches("南江大学\\d{4}年创先争优活动 · 翻译2024级1班团支部（120303）#" + shortId);
			assertThat(jdbc.sql("select author from opinion where campaign_id = ? and kind = 'COMMITTEE_REVIEW'")
				.param(id)
				.query(String.class)
				.list()).containsExactly("gb1202");
			// the demo's member appraisal (DemoMemberAppraisal): 120202 at its meeting
			assertThat(engine.getTaskService()
				.createTaskQuery()
				.taskCandidateGroup("org120202secretary")
				.includeAssignedTasks()
				.list()).extracting("name", "assignee")
				.contains(org.assertj.core.groups.Tuple.tuple("登记评议大会", "sec120202"));
		}
		try (ConfigurableApplicationContext again = start()) {
			assertThat(
					again.getBean(JdbcClient.class).sql("select count(*) from campaign").query(Integer.class).single())
				.isEqualTo(1);
			assertThat(again.getBean(JdbcClient.class)
				.sql("select count(*) from member_appraisal")
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(ExcellenceCampaignApplication.class).web(WebApplicationType.NONE)
			.run("--app.data-dir=" + this.dataDir,
					"--spring.datasource.url=jdbc:h2:file:" + this.dataDir + "/excellence",
					"--camunda.bpm.process-engine-name=demotest", "--app.demo-data.campaign=true",
					"--camunda.bpm.job-execution.enabled=false", "--spring.autoconfigure.exclude=" + ProcessTest.REST);
	}

}
