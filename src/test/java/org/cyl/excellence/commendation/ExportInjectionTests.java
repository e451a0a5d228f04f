package org.cyl.excellence.commendation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV injection (OWASP) on every export, through the real endpoints: a commendation whose
 * decision number is a {@code =HYPERLINK} formula, whose deeds begin with {@code @SUM}
 * and whose candidates' names begin with {@code +}, {@code -}, a tab and a carriage
 * return. In every CSV no cell begins like a formula any more (each such cell carries a
 * leading single quote and otherwise the text as written); in every XLSX those cells are
 * text cells holding the text as written, never formulas.
 */
@ApplicationTest
class ExportInjectionTests {

	static final String DECISION_NO = "=HYPERLINK(\"http://x\",\"y\")";

	static final String DEEDS = "@SUM(1+1) 在创先争优活动中带头学习提高、带头争创佳绩、带头服务青年，组织志愿服务十二次，服务青年三百余人次，群众评价很好。";

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Test
	void everyExportNeutralisesCellsThatWouldRunAsFormulas() throws Exception {
		String p = "XI" + System.nanoTime() % 100000;
		this.support.organization(p, 2);
		var campaign = this.support.startCampaign(p + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		for (int b = 1; b <= 2; b++) {
			this.support.finishBranch(this.support.branchInstance(campaignId, p + "B" + b));
		}
		String commendation = this.support.commendationInstance(campaign.getId());
		this.support.nominate(commendation, List.of(p + "B1"), List.of(p + "B2"));
		this.support.assess(commendation, (c) -> "ACCEPT", false);
		for (Task task : this.support.tasks(commendation, "Task_WriteDeeds")) {
			Map<String, Object> values = new HashMap<>();
			int count = ((Number) this.support.taskService.getVariable(task.getId(), "deedsCount")).intValue();
			for (int i = 1; i <= count; i++) {
				values.put("deeds" + i, DEEDS);
			}
			this.support.complete(task, values);
		}
		this.support.audit(commendation, "APPROVE", List.of(), null);
		// names as an organisation import could bring them (the import is not what is
		// tested here)
		List<String> names = List.of("+测试支部", "-团员", "\t团员", "\r团员");
		List<Long> ids = this.support.jdbc.sql("select id from candidate where campaign_id = ? order by id")
			.param(campaignId)
			.query(Long.class)
			.list();
		assertThat(ids).hasSize(4);
		for (int i = 0; i < 4; i++) {
			this.support.jdbc.sql("update candidate set holder_name = ? where id = ?")
				.params(names.get(i) + p, ids.get(i))
				.update();
		}
		this.support.fireTimer(commendation, "Event_NoticePeriodEnded");
		this.support.issueDecision(commendation, DECISION_NO);

		TestHttp committee = TestHttp.basic(this.port, p + "c", "demo");
		List<String> expected = new ArrayList<>(List.of(DECISION_NO, DEEDS));
		names.forEach((n) -> expected.add(n + p));

		// the candidate list and the final list: names and deeds
		for (String list : List.of("candidates", "final")) {
			List<CSVRecord> rows = csv(
					committee.getBytes("/api/commendations/" + campaignId + "/candidates.csv?list=" + list));
			assertThat(rows).hasSize(5);
			assertNothingStartsLikeAFormula(rows);
			assertThat(column(rows, "名称/姓名")).containsExactlyInAnyOrderElementsOf(quoted(names, p));
			assertThat(column(rows, "事迹材料")).containsOnly("'" + DEEDS);
			Sheet sheet = xlsx(
					committee.getBytes("/api/commendations/" + campaignId + "/candidates.xlsx?list=" + list));
			assertTextCellsOnly(sheet, expected);
			assertThat(texts(sheet)).containsAll(names.stream().map((n) -> n + p).toList()).contains(DEEDS);
		}

		// the honours archive, for everyone logged in: names and the decision number
		TestHttp member = TestHttp.basic(this.port, "m12020205", "demo");
		List<CSVRecord> honours = csv(member.getBytes("/api/honours.csv?q=" + p));
		assertThat(honours).hasSize(5);
		assertNothingStartsLikeAFormula(honours);
		assertThat(column(honours, "表彰文号")).containsOnly("'" + DECISION_NO);
		assertThat(column(honours, "名称/姓名")).containsExactlyInAnyOrderElementsOf(quoted(names, p));
		Sheet honoursSheet = xlsx(member.getBytes("/api/honours.xlsx?q=" + p));
		assertTextCellsOnly(honoursSheet, expected);
		assertThat(texts(honoursSheet)).contains(DECISION_NO);

		// the raw text: quoted, the quotes inside doubled, the single quote inside the
		// quotes
		String raw = new String(member.getBytes("/api/honours.csv?q=" + p).body(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(raw).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", "\"'\r团员" + p + "\"",
				"\"'\t团员" + p + "\"");
	}

	@Test
	void theBallotLinksComeThroughTheSameWriter() throws Exception {
		String p = "XB" + System.nanoTime() % 100000;
		var appraisal = this.support.startAppraisal(p);
		String appraisalId = this.support.initiateAppraisal(appraisal.getId(), 3);
		List<CSVRecord> rows = csv(
				TestHttp.basic(this.port, p + "g", "demo").getBytes("/api/appraisals/" + appraisalId + "/ballots.csv"));
		assertThat(rows).hasSize(4);
		assertThat(rows.get(0).toList()).containsExactly("编号", "评议链接");
		assertThat(column(rows, "评议链接")).allSatisfy((link) -> assertThat(link).contains("/ballot/"));
		assertNothingStartsLikeAFormula(rows);
	}

	private static List<String> quoted(List<String> names, String p) {
		return names.stream().map((n) -> "'" + n + p).toList();
	}

	private static List<CSVRecord> csv(HttpResponse<byte[]> response) throws IOException {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((t) -> t.startsWith("text/csv"));
		String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
	}

	private static List<String> column(List<CSVRecord> rows, String header) {
		int index = rows.get(0).toList().indexOf(header);
		assertThat(index).as(header).isNotNegative();
		return rows.stream().skip(1).map((r) -> r.get(index)).toList();
	}

	private static void assertNothingStartsLikeAFormula(List<CSVRecord> rows) {
		for (CSVRecord row : rows) {
			for (String cell : row) {
				assertThat(cell).as("a cell of row " + row.getRecordNumber())
					.doesNotStartWith("=")
					.doesNotStartWith("+")
					.doesNotStartWith("-")
					.doesNotStartWith("@")
					.doesNotStartWith("\t")
					.doesNotStartWith("\r");
			}
		}
	}

	private static Sheet xlsx(HttpResponse<byte[]> response) throws IOException {
		assertThat(response.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			return workbook.getSheetAt(0);
		}
	}

	/**
	 * No formula anywhere; the cells holding the injected texts are string cells with the
	 * text as written.
	 */
	private static void assertTextCellsOnly(Sheet sheet, List<String> injected) {
		for (Row row : sheet) {
			for (Cell cell : row) {
				assertThat(cell.getCellType()).isIn(CellType.STRING, CellType.NUMERIC);
				if (cell.getCellType() == CellType.STRING && injected.contains(cell.getStringCellValue())) {
					assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
					assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("@");
				}
			}
		}
	}

	private static List<String> texts(Sheet sheet) {
		List<String> texts = new ArrayList<>();
		for (Row row : sheet) {
			for (Cell cell : row) {
				if (cell.getCellType() == CellType.STRING) {
					texts.add(cell.getStringCellValue());
				}
			}
		}
		return texts;
	}

}
