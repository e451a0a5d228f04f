package org.cyl.excellence.pledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.system.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.pledge.PledgeVariables.FULFILMENT;

/**
 * {@code Task_EvaluateFulfilment} (评诺) of BranchCampaignProcess: the secretary, the
 * reviewer of members' fulfilment (003 四(六)), rates every member in one form. On create:
 * one row per member of the branch. On complete: a rating for each of exactly those
 * members.
 */
@Component
class FulfilmentListener implements TaskListener {

	static final Set<String> RATINGS = Set.of("FULFILLED", "PARTIAL", "UNFULFILLED");

	private final PledgeRepository pledges;

	FulfilmentListener(PledgeRepository pledges) {
		this.pledges = pledges;
	}

	@Override
	public void notify(DelegateTask task) {
		RoundContext round = RoundContext.of(task);
		List<PledgeRepository.MemberPledgeRow> members = this.pledges.memberPledges(round.campaignId(),
				round.branchCode(), round.round());
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			List<Map<String, Object>> rows = new ArrayList<>();
			for (PledgeRepository.MemberPledgeRow member : members) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("leagueNo", member.leagueNo());
				row.put("name", member.name() + ("SIGNED".equals(member.status()) ? "" : "（未按期承诺）"));
				row.put("rating", null);
				row.put("remark", "");
				rows.add(row);
			}
			task.setVariableLocal(FULFILMENT, FormData.jsonVariable(rows));
			return;
		}
		List<Map<String, Object>> rows = new FormData(task).list(FULFILMENT, "评诺");
		Set<String> expected = new HashSet<>();
		Map<String, String> names = new LinkedHashMap<>();
		members.forEach((m) -> {
			expected.add(m.leagueNo());
			names.put(m.leagueNo(), m.name());
		});
		Set<String> rated = new HashSet<>();
		for (Map<String, Object> row : rows) {
			String leagueNo = String.valueOf(row.get("leagueNo"));
			if (!expected.contains(leagueNo) || !rated.add(leagueNo)) {
				throw FormData.invalid("评诺", "中的团员编号 " + leagueNo + " 不属于本支部或重复");
			}
		}
		if (!rated.equals(expected)) {
			throw FormData.invalid("评诺", "须为本支部全部 " + expected.size() + " 名团员评定，提交了 " + rated.size() + " 名");
		}
		for (Map<String, Object> row : rows) {
			String leagueNo = String.valueOf(row.get("leagueNo"));
			String who = names.get(leagueNo);
			String rating = FormData.rowChoice(row, "rating", who + "的履诺情况", RATINGS);
			Object remark = row.get("remark");
			String note = (remark == null) ? null : remark.toString().trim();
			if (note != null && note.length() > 200) {
				throw FormData.invalid(who + "的说明", "不能超过 200 个字");
			}
			this.pledges.rate(round.campaignId(), round.branchCode(), round.round(), leagueNo, rating,
					(note == null || note.isEmpty()) ? null : note);
		}
	}

}
