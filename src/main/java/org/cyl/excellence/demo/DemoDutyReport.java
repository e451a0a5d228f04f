package org.cyl.excellence.demo;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.dutyreport.DutyReportVariables;
import org.cyl.excellence.dutyreport.DutyReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's 双向述职评议: after the demo campaign, 校团委 (committee12) launches this year's duty
 * report for its subtree; the secretary of 计算机科学与技术2023级1班团支部 (sec120102) has handed in
 * her report, so its members find their ballot links among their notices and the
 * 计算机学院团总支's committee has a report to comment on, while every other secretary has a
 * report to write. Taken through the forms as the people whose work it is.
 */
@Component
class DemoDutyReport {

	private static final Logger log = LoggerFactory.getLogger(DemoDutyReport.class);

	private static final String REPORTED = "120102";

	private final boolean enabled;

	private final DutyReports reports;

	private final FormService forms;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final DemoPeople people;

	DemoDutyReport(DemoProperties demo, DutyReports reports, FormService forms, TaskService tasks,
			RuntimeService runtime, RepositoryService repository, DemoPeople people) {
		this.people = people;
		this.enabled = demo.enabled() && demo.campaign();
		this.reports = reports;
		this.forms = forms;
		this.tasks = tasks;
		this.runtime = runtime;
		this.repository = repository;
	}

	/** Stages it once, on a database where committee12 has launched none yet. */
	void seed() {
		if (!this.enabled || this.reports.hasLaunches("12")) {
			return;
		}
		try {
			run();
			log.info("Demo duty report launched: one secretary has reported, the others are writing");
		}
		catch (RuntimeException ex) {
			// a demo that could not be staged must not stop the application
			log.warn("The demo duty report could not be staged completely", ex);
		}
	}

	void run() {
		String definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(DutyReportVariables.LAUNCH_PROCESS)
			.latestVersion()
			.singleResult()
			.getId();
		LocalDate today = LocalDate.now();
		ProcessInstance launch = this.people.as("committee12",
				() -> this.forms.submitStartForm(definition,
						Map.of("dutyYear", (long) today.getYear(), "reportDueOn", today.plusDays(10).toString(),
								"appraisalClosesOn", today.plusDays(24).toString(), "rectifyDays", 30L)));
		this.people.jobs(launch.getId());
		ProcessInstance reported = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(DutyReportVariables.SECRETARY_PROCESS)
			.variableValueEquals("orgCode", REPORTED)
			.list()
			.get(0);
		Task write = this.tasks.createTaskQuery()
			.processInstanceId(reported.getId())
			.taskDefinitionKey("Task_WriteReport")
			.singleResult();
		this.people.complete("sec" + REPORTED, write, Map.of("reportText", REPORT));
	}

	/** The demo secretary's 述学述职报告 (more than 800 characters). */
	static final String REPORT = """
			一、学习情况。一年来，我坚持把理论学习放在首位，认真学习习近平新时代中国特色社会主义思想和党的二十大精神，系统学习团章和《中国共产主义青年团支部工作条例》，参加校团委组织的团干部培训三次，撰写学习心得四篇。在支部内组织“青年大学习”每期按时学习，全年参学率保持在百分之九十五以上；结合专业特点，带领团员开展“科技报国”主题学习讨论，把学习成果转化为做好支部工作的思路和办法。

			二、履职情况。作为支部第一责任人，我牵头制定支部年度工作计划，按时召开支部委员会和支部大会，落实“三会两制一课”，全年讲团课两次。在创先争优活动中，组织支部公开承诺，督促每位团员签订个人承诺书，定期对照承诺检查落实情况。严格团员发展和团籍管理，按期完成团员教育评议和团籍注册，全年推荐两名优秀团员作为入党积极分子人选。组织开展志愿服务六次，参与团员一百二十余人次。在组织建设上，我注重发挥支部委员的作用，明确组织委员、宣传委员的分工，建立支部工作台账，每月梳理工作进度；对学习有困难的团员，组织学习小组结对帮扶，本学年两名团员获得校级奖学金。在作风上，我坚持公道正派，评优评先和推优入党都在支部大会上公开进行，结果及时公示，接受团员监督。

			三、存在的不足。一是理论学习的深度还不够，联系实际谈体会较多，系统思考较少；二是支部活动的形式还不够丰富，部分团员参与的主动性不高；三是对团员思想动态的了解不够及时，谈心谈话覆盖面不足，与个别团员的联系还不够紧密。

			四、下一步打算。我将继续加强学习，每月至少精读一篇理论文章并在支部分享；创新活动形式，结合专业开展项目化志愿服务，让更多团员当主角；建立支部委员联系团员制度，每学期与每位团员至少谈心一次，及时掌握思想动态、帮助解决实际困难。恳请各位团员和上级团组织对我的工作提出批评意见，我将认真听取、切实改进，同时带头落实从严治团要求，严格执行团员发展和管理的各项制度，努力做一名让团员满意的团支部书记。
			""";

}
