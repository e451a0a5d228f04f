package org.cyl.excellence.branch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.branch.PledgeVariables.FULFILLED;
import static org.cyl.excellence.branch.PledgeVariables.FULFILMENT_REMARK;
import static org.cyl.excellence.branch.PledgeVariables.MEMBER_OPTIONS;
import static org.cyl.excellence.branch.PledgeVariables.PARTIAL;
import static org.cyl.excellence.branch.PledgeVariables.UNFULFILLED;

/**
 * {@code Task_EvaluateFulfilment} (评诺) of BranchCampaignProcess: the secretary, the
 * reviewer of members' fulfilment (003 四(六)), rates every member of the branch in one
 * form — three lists (履诺 / 部分履诺 / 未履诺) offering the branch's members. On create: the
 * members as options. On complete: every member in exactly one list.
 */
@Component
class FulfilmentListener implements TaskListener {

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
			List<Map<String, Object>> options = new ArrayList<>();
			for (PledgeRepository.MemberPledgeRow member : members) {
				Map<String, Object> option = new LinkedHashMap<>();
				option.put("label", member.name() + ("SIGNED".equals(member.status()) ? "" : "（未按期承诺）"));
				option.put("value", member.leagueNo());
				options.add(option);
			}
			task.setVariableLocal(MEMBER_OPTIONS, FormData.jsonVariable(options));
			FormData.freshInputs(task, FULFILLED, PARTIAL, UNFULFILLED, FULFILMENT_REMARK);
			return;
		}
		FormData form = new FormData(task);
		Map<String, String> ratings = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		members.forEach((m) -> names.put(m.leagueNo(), m.name()));
		for (Map.Entry<String, String> list : Map.of(FULFILLED, "履诺", PARTIAL, "部分履诺", UNFULFILLED, "未履诺").entrySet()) {
			for (String leagueNo : form.ticked(list.getKey(), list.getValue())) {
				if (!names.containsKey(leagueNo)) {
					throw FormData.invalid(list.getValue(), "中的团员编号 " + leagueNo + " 不属于本支部");
				}
				if (ratings.put(leagueNo, list.getKey().toUpperCase()) != null) {
					throw FormData.invalid("评诺", "中 " + names.get(leagueNo) + " 被评定了不止一次：每人只选一项");
				}
			}
		}
		List<String> missing = names.keySet().stream().filter((n) -> !ratings.containsKey(n)).map(names::get).toList();
		if (!missing.isEmpty()) {
			throw FormData.invalid("评诺", "须评定本支部全部团员，尚未评定：" + String.join("、", missing));
		}
		String remark = form.optionalText(FULFILMENT_REMARK, "说明", 1000);
		ratings.forEach((leagueNo, rating) -> this.pledges.rate(round.campaignId(), round.branchCode(), round.round(),
				leagueNo, rating, remark));
	}

}
