package org.cyl.excellence.partyrecommendation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.partyrecommendation.PartyEligibility.Verdict;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.Launch;
import org.cyl.excellence.partyrecommendation.PartyRecommendationSettings.Settings;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.*;

/**
 * {@code Task_ProposeCandidates} (提出推优人选) of BranchPartyRecommendationProcess: the branch
 * secretary proposes, for the branch committee, members who meet the conditions on the
 * launch day ({@link PartyEligibility}); the form offers only those. Refused, each with
 * its own message: a member of another branch, a member who does not meet the conditions
 * (the reason named), the same member twice, more candidates than the quota (20% of the
 * branch's members, rounded down, at most
 * {@value PartyRecommendationVariables#MAX_CANDIDATES}). Proposing nobody ends the
 * branch's round.
 */
@Component
class PartyProposeCandidatesListener implements TaskListener {

	private final PartyRecommendationRepository repository;

	private final PartyEligibility eligibility;

	private final PartyRecommendationSettings settings;

	PartyProposeCandidatesListener(PartyRecommendationRepository repository, PartyEligibility eligibility,
			PartyRecommendationSettings settings) {
		this.repository = repository;
		this.eligibility = eligibility;
		this.settings = settings;
	}

	@Override
	public void notify(DelegateTask task) {
		Launch launch = this.repository.launch(((Number) task.getVariable(LAUNCH_ID)).longValue()).orElseThrow();
		String branch = (String) task.getVariable(BRANCH_CODE);
		Settings s = this.settings.of(launch.stage());
		List<Verdict> verdicts = this.eligibility.of(branch, launch.stage(), launch.launchedOn(), s);
		int quota = s.quota(verdicts.size());
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			List<Map<String, Object>> options = new ArrayList<>();
			List<String> eligible = new ArrayList<>();
			List<String> not = new ArrayList<>();
			for (Verdict v : verdicts) {
				if (v.eligible()) {
					options.add(Map.of("label", v.member().name() + "（" + v.member().leagueNo() + "）", "value",
							v.member().leagueNo()));
					eligible.add(v.member().name());
				}
				else {
					not.add(v.member().name() + "（" + v.problem() + "）");
				}
			}
			task.setVariableLocal("eligibleOptions", FormData.jsonVariable(options));
			task.setVariableLocal("memberQuota", quota);
			task.setVariableLocal("eligibilitySummary",
					"本支部团员 " + verdicts.size() + " 人，推优名额 " + quota + " 名（不超过团员人数的 " + s.quotaPercent() + "%）。截至 "
							+ launch.launchedOn() + "：\n符合条件：" + (eligible.isEmpty() ? "无" : String.join("、", eligible))
							+ "\n不符合条件：" + (not.isEmpty() ? "无" : String.join("；", not)));
			FormData.clearPerItem(task, true, CANDIDATE);
			return;
		}
		Map<String, Verdict> byLeagueNo = new LinkedHashMap<>();
		verdicts.forEach((v) -> byLeagueNo.put(v.member().leagueNo(), v));
		FormData form = new FormData(task);
		Set<String> seen = new HashSet<>();
		List<String[]> chosen = new ArrayList<>();
		for (int i = 1; i <= MAX_CANDIDATES; i++) {
			String label = "第 " + i + " 名人选";
			String leagueNo = form.optionalText(CANDIDATE + i, label, 32);
			if (leagueNo == null) {
				continue;
			}
			Verdict v = byLeagueNo.get(leagueNo);
			if (v == null) {
				throw FormData.invalid(label, "不是本支部团员");
			}
			if (!v.eligible()) {
				throw FormData.invalid(label, "（" + v.member().name() + "）不符合推优条件：" + v.problem());
			}
			if (!seen.add(leagueNo)) {
				throw FormData.invalid(label, "（" + v.member().name() + "）重复");
			}
			chosen.add(new String[] { leagueNo, v.member().name() });
		}
		if (chosen.size() > quota) {
			throw FormData.invalid("推优人选",
					"共 " + chosen.size() + " 名，超过本支部推优名额（" + quota + " 名，团员人数的 " + s.quotaPercent() + "%）");
		}
		this.repository.replaceProposal(task.getProcessInstanceId(), branch, launch.stage(), chosen,
				java.time.LocalDate.now());
		this.repository.setStatus(task.getProcessInstanceId(), chosen.isEmpty() ? "NONE" : "AGREEING");
		task.getExecution().setVariable(PROPOSED_COUNT, chosen.size());
	}

}
