package org.cyl.excellence.supervision;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.cyl.excellence.documents.PdfPages;
import org.cyl.excellence.supervision.Bulletin.BranchRow;
import org.cyl.excellence.supervision.Bulletin.CampaignState;
import org.cyl.excellence.supervision.Bulletin.Group;
import org.cyl.excellence.supervision.Bulletin.Notice;
import org.cyl.excellence.supervision.Bulletin.Overview;
import org.cyl.excellence.supervision.Bulletin.RunningCampaign;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulletin's PDF without the application: a branch in two campaigns with long titles
 * — its 当前阶段 stays inside its column — and the overview counting each campaign's branches
 * apart.
 */
class BulletinPdfTests {

	private static final String FIRST = "南江大学2026年“青春心向党·建功新时代”创先争优活动";

	private static final String SECOND = "计算机学院ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789专项活动，第二批：团支部";

	static final StandingDuties.Duty DUTY = new StandingDuties.Duty("BranchMemberAppraisalProcess", "团员教育评议", 3,
			steps(), 1, 1, List.of());

	private static Map<String, Integer> steps() {
		Map<String, Integer> steps = new LinkedHashMap<>();
		steps.put("自我评价", 2);
		steps.put("召开支部大会", 1);
		return steps;
	}

	@Test
	void overviewCountsTheBranchesOfEachCampaignApart() {
		String overview = BulletinPdf.overview(notice());
		assertThat(overview).contains("正在开展的创先争优活动2项", "所属团支部8个", "“" + FIRST + "”参加团支部8个（动员部署8个）",
				"“" + SECOND + "”参加团支部3个（动员部署2个，承诺践诺1个）");
		assertThat(overview).doesNotContain("动员部署10个");
	}

	@Test
	void overviewOfOneCampaignGivesItsStagesAfterTheBranches() {
		Notice two = notice();
		Notice one = new Notice(two.committeeCode(), two.committee(), two.from(), two.to(), two.period(),
				two.issuedOn(), two.title(), two.overview(), List.of(two.campaigns().get(1)), two.groups(),
				two.criticisms(), two.praises(), List.of());
		assertThat(BulletinPdf.overview(one)).contains("所属团支部8个，参加活动的3个（动员部署2个，承诺践诺1个）。").doesNotContain(SECOND);
	}

	@Test
	void theStandingDutiesFollowTheOverviewEachInItsOwnSentence() throws IOException {
		assertThat(DUTY.sentence()).isEqualTo("团员教育评议：进行中3个（自我评价2个，召开支部大会1个），本期完成1个，逾期任务1项");
		try (PDDocument pdf = Loader.loadPDF(BulletinPdf.render(notice()))) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
			assertThat(text).contains("常态工作：团员教育评议：进行中3个（自我评价2个，召开支部大会1个），本期完成1个，逾期任务1项。");
		}
	}

	@Test
	void everyCellStaysInsideItsColumn() throws IOException {
		float[] edges = new float[BulletinPdf.SHARES.length + 1];
		edges[0] = PdfPages.LEFT;
		for (int i = 0; i < BulletinPdf.SHARES.length; i++) {
			edges[i + 1] = edges[i] + BulletinPdf.SHARES[i] * PdfPages.WIDTH;
		}
		List<Run> runs;
		try (PDDocument pdf = Loader.loadPDF(BulletinPdf.render(notice()))) {
			Runs stripper = new Runs();
			stripper.getText(pdf);
			runs = stripper.runs;
		}
		List<Run> cells = new ArrayList<>();
		for (Run run : runs) {
			if (run.text().startsWith("注：")) {
				break; // the note under the table
			}
			// the table's size (五号, reported as whole points); not the group's row across
			// the table
			if (run.size() < BulletinPdf.TABLE + 1 && !run.text().endsWith("个团支部）")) {
				cells.add(run);
			}
		}
		assertThat(cells).as("the table's cells").hasSizeGreaterThan(3 * 8);
		assertThat(cells).extracting(Run::text).anySatisfy((t) -> assertThat(t).contains("计算机学院"));
		List<String> outside = new ArrayList<>();
		for (Run cell : cells) {
			boolean inside = false;
			for (int i = 0; i + 1 < edges.length; i++) {
				inside |= cell.left() >= edges[i] - 0.5f && cell.right() <= edges[i + 1] + 0.5f;
			}
			if (!inside) {
				outside.add(cell.text() + " [" + cell.left() + ", " + cell.right() + "]");
			}
		}
		assertThat(outside).as("text running past its column's edges %s", java.util.Arrays.toString(edges)).isEmpty();
	}

	/** A line of text as one show-text operation set it: its glyphs' extent. */
	record Run(String text, float size, float left, float right) {
	}

	/** Collects every show-text operation with where its glyphs stand. */
	static final class Runs extends PDFTextStripper {

		final List<Run> runs = new ArrayList<>();

		private final List<TextPosition> glyphs = new ArrayList<>();

		@Override
		protected void showText(byte[] string) throws IOException {
			this.glyphs.clear();
			super.showText(string);
			if (!this.glyphs.isEmpty()) {
				StringBuilder text = new StringBuilder();
				float left = Float.MAX_VALUE;
				float right = -Float.MAX_VALUE;
				for (TextPosition g : this.glyphs) {
					text.append(g.getUnicode());
					left = Math.min(left, g.getX());
					right = Math.max(right, g.getX() + g.getWidth());
				}
				this.runs.add(new Run(text.toString(), this.glyphs.get(0).getFontSizeInPt(), left, right));
			}
		}

		@Override
		protected void processTextPosition(TextPosition text) {
			this.glyphs.add(text);
		}

	}

	private static Notice notice() {
		List<BranchRow> rows = new ArrayList<>();
		for (int b = 1; b <= 8; b++) {
			List<CampaignState> states = new ArrayList<>();
			states.add(new CampaignState("c1", FIRST, "动员部署", null, 0, 30));
			if (b <= 3) {
				states.add(new CampaignState("c2", SECOND, (b == 3) ? "承诺践诺" : "动员部署", (b == 3) ? 2 : null, 12, 30));
			}
			rows.add(new BranchRow("1201" + b, "计算机科学与技术学院2023级软件工程专业第" + b + "团支部", states, b, 0, 1, 0,
					(b == 1) ? "好" : null, false));
		}
		Map<String, Integer> total = new LinkedHashMap<>();
		total.put("动员部署", 10);
		total.put("承诺践诺", 1);
		Map<String, Integer> first = new LinkedHashMap<>();
		first.put("动员部署", 8);
		first.put("承诺践诺", 0);
		Map<String, Integer> second = new LinkedHashMap<>();
		second.put("动员部署", 2);
		second.put("承诺践诺", 1);
		Overview overview = new Overview(2, 8, total, 8, 0, 8, 0, 0, 0, 0);
		return new Notice("1201", "共青团南江大学计算机学院总支部委员会", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), "2026年3月",
				LocalDate.of(2026, 3, 31), "关于2026年3月创先争优活动推进情况的通报", overview,
				List.of(new RunningCampaign("c1", FIRST, "校团委", 8, first),
						new RunningCampaign("c2", SECOND, "学院团总支", 3, second)),
				List.of(new Group("1201", "计算机学院团总支", rows)), List.of(), List.of(), List.of(DUTY));
	}

}
