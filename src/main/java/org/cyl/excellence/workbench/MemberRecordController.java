package org.cyl.excellence.workbench;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 团员档案: {@code /members/{leagueNo}} (page) and {@code /api/members/{leagueNo}/record}
 * (JSON), and {@code /me/record}, the member's own, linked from 工作台
 * ({@link MemberRecords}).
 */
@Controller
class MemberRecordController {

	private final MemberRecords records;

	MemberRecordController(MemberRecords records) {
		this.records = records;
	}

	@GetMapping("/me/record")
	String mine(Authentication authentication) {
		return "redirect:/members/" + this.records.ownLeagueNo(authentication);
	}

	@GetMapping("/members/{leagueNo}")
	String page(@PathVariable String leagueNo, Authentication authentication, Model model) {
		model.addAttribute("record", this.records.of(leagueNo, authentication));
		return "workbench/member-record";
	}

	@GetMapping("/api/members/{leagueNo}/record")
	@ResponseBody
	MemberRecords.Record api(@PathVariable String leagueNo, Authentication authentication) {
		return this.records.of(leagueNo, authentication);
	}

}
