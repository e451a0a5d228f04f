package org.cyl.excellence.commendation;

import org.cyl.excellence.documents.Spreadsheets;

import java.util.List;

import org.cyl.excellence.commendation.HonourArchive.Honour;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The honours archive for everyone logged in: search
 * ({@code /api/honours?q=&year=&org=&member=}) and export of the same selection as CSV
 * (UTF-8 with BOM, for Excel) or XLSX.
 */
@RestController
class HonourController {

	static final String[] COLUMNS = { "类别", "组织代码", "团员编号", "名称/姓名", "荣誉称号", "授予单位", "年度", "活动", "表彰文号", "表彰日期" };

	private final HonourArchive archive;

	HonourController(HonourArchive archive) {
		this.archive = archive;
	}

	@GetMapping("/api/honours")
	List<Honour> search(@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "year", required = false) Integer year,
			@RequestParam(name = "org", required = false) String org,
			@RequestParam(name = "member", required = false) String member) {
		return this.archive.search(q, year, org, member);
	}

	@GetMapping("/api/honours.csv")
	ResponseEntity<byte[]> csv(@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "year", required = false) Integer year,
			@RequestParam(name = "org", required = false) String org,
			@RequestParam(name = "member", required = false) String member) {
		return Spreadsheets.csv("honours", COLUMNS, rows(this.archive.search(q, year, org, member)));
	}

	@GetMapping("/api/honours.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "year", required = false) Integer year,
			@RequestParam(name = "org", required = false) String org,
			@RequestParam(name = "member", required = false) String member) {
		return Spreadsheets.xlsx("honours", "荣誉档案", COLUMNS, rows(this.archive.search(q, year, org, member)));
	}

	private static List<Object[]> rows(List<Honour> honours) {
		return honours.stream()
			.map((h) -> new Object[] { "ORG".equals(h.holderType()) ? "组织" : "团员", h.orgCode(), h.leagueNo(),
					h.holderName(), h.title(), h.level(), h.year(), h.campaignTitle(), h.decisionNo(),
					h.decidedOn().toString() })
			.toList();
	}

}
