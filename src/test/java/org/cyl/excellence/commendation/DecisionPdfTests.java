package org.cyl.excellence.commendation;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cyl.excellence.commendation.DecisionPdf.Decision;
import org.cyl.excellence.commendation.DecisionPdf.Entry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The commendation decision (表彰决定) as a PDF, read back and rendered with PDFBox. */
class DecisionPdfTests {

	private static final String COMMITTEE = "共青团南江大学委员会";

	private static final String DECISION_NO = "南大团字〔2026〕12号";

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "欧阳", "赵", "黄" };

	private static final String[] GIVEN_NAMES = { "明", "晓雯", "子轩", "欣怡", "浩然" };

	private static final String[] BRANCHES = { "计算机学院2023级软件工程1班团支部", "外国语学院团委", "机械工程学院2024级团支部", "研究生院团工委" };

	private final Decision decision = decision();

	private static Decision decision() {
		List<Entry> entries = new ArrayList<>();
		entries.add(new Entry("五四红旗团组织", "南江大学计算机学院团委", null));
		entries.add(new Entry("先进团组织", "南江大学外国语学院团委", null));
		entries.add(new Entry("先进团组织", "南江大学机械工程学院2024级团支部", null));
		// 40 members, enough to run onto a second page
		for (int i = 0; i < SURNAMES.length * GIVEN_NAMES.length; i++) {
			entries.add(new Entry("优秀共青团员", SURNAMES[i / GIVEN_NAMES.length] + GIVEN_NAMES[i % GIVEN_NAMES.length],
					BRANCHES[i % BRANCHES.length]));
		}
		return new Decision(COMMITTEE, DECISION_NO, LocalDate.of(2026, 11, 21), "2026年度创先争优活动", entries);
	}

	@Test
	void namesEveryHonourAndTheDecisionNumber() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(DecisionPdf.render(this.decision))) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains(DECISION_NO, COMMITTEE, "一、授予以下组织“五四红旗团组织”称号", "二、授予以下组织“先进团组织”称号",
					"三、授予以下个人“优秀共青团员”称号", "2026年11月21日");
			// the title may wrap
			assertThat(text.replaceAll("\\s", "")).contains("关于表彰2026年度创先争优活动先进集体和先进个人的决定");
			assertThat(this.decision.entries()).allSatisfy((entry) -> assertThat(text).contains(entry.holderName()));
			assertThat(text).contains("欧阳晓雯（机械工程学院2024级团支部）");
		}
	}

	@Test
	void runsOntoFurtherPagesWhenTheListIsLong() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(DecisionPdf.render(this.decision))) {
			assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
		}
	}

	@Test
	void embedsASubsetOfItsChineseFont() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(DecisionPdf.render(this.decision))) {
			List<PDFont> fonts = new ArrayList<>();
			for (PDPage page : pdf.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					fonts.add(resources.getFont(name));
				}
			}
			assertThat(fonts).isNotEmpty().allSatisfy((font) -> {
				assertThat(font.isEmbedded()).isTrue();
				// a subset's name has a six-letter tag
				assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC-.*");
			});
		}
	}

	@Test
	void drawsARedHeaderAndBlackText() throws IOException {
		BufferedImage page;
		try (PDDocument pdf = Loader.loadPDF(DecisionPdf.render(this.decision))) {
			page = new PDFRenderer(pdf).renderImageWithDPI(0, 100);
		}
		// for a person to look at
		Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
		ImageIO.write(page, "png", screenshots.resolve("decision-page1.png").toFile());
		int red = 0;
		int dark = 0;
		for (int x = 0; x < page.getWidth(); x++) {
			for (int y = 0; y < page.getHeight(); y++) {
				int rgb = page.getRGB(x, y);
				int r = (rgb >> 16) & 0xff;
				int g = (rgb >> 8) & 0xff;
				int b = rgb & 0xff;
				if (r > 180 && g < 80 && b < 80) {
					red++;
				}
				else if (r < 80 && g < 80 && b < 80) {
					dark++;
				}
			}
		}
		// glyphs that failed to render would leave the page white
		assertThat(red).isGreaterThan(2000);
		assertThat(dark).isGreaterThan(5000);
	}

}
