package org.cyl.excellence.partyrecommendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cyl.excellence.organization.MemberProfile;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.partyrecommendation.PartyRecommendationSettings.Settings;
import org.springframework.stereotype.Component;

/**
 * Who of a branch may be proposed (003 二): at least {@code minAge} years old, a member
 * for at least {@code minLeagueMonths} months and applied to the Party at least
 * {@code minApplicationMonths} months before — all judged on the launch day, and a day
 * that completes a period counts (an 18th birthday on the launch day is eligible); not
 * holding a valid recommendation of the same stage; for 发展对象, holding a valid one as
 * 入党积极分子.
 */
@Component
class PartyEligibility {

	/** A member and why they may not be proposed (null: they may). */
	record Verdict(MemberProfile member, String problem) {

		boolean eligible() {
			return this.problem == null;
		}

	}

	private final OrganizationDirectory organizations;

	private final PartyRecommendations recommendations;

	PartyEligibility(OrganizationDirectory organizations, PartyRecommendations recommendations) {
		this.organizations = organizations;
		this.recommendations = recommendations;
	}

	List<Verdict> of(String branchCode, RecommendationStage stage, LocalDate asOf, Settings settings) {
		List<Verdict> verdicts = new ArrayList<>();
		for (MemberProfile m : this.organizations.memberProfiles(branchCode)) {
			String problem = ruleProblem(m, asOf, settings);
			if (problem == null) {
				problem = stageProblem(m, stage, asOf);
			}
			verdicts.add(new Verdict(m, problem));
		}
		return verdicts;
	}

	private String stageProblem(MemberProfile m, RecommendationStage stage, LocalDate asOf) {
		var same = this.recommendations.validOn(m.leagueNo(), stage, asOf);
		if (same.isPresent()) {
			return "已有有效的" + stage.label() + "推荐（有效期至 " + same.get().validUntil() + "）";
		}
		if (stage == RecommendationStage.DEVELOPMENT
				&& this.recommendations.validOn(m.leagueNo(), RecommendationStage.ACTIVIST, asOf).isEmpty()) {
			return "没有有效的入党积极分子推荐";
		}
		return null;
	}

	/** The rules on the member's dates, on their boundaries; null when they are met. */
	static String ruleProblem(MemberProfile m, LocalDate asOf, Settings s) {
		if (m.birthDate() == null) {
			return "未登记出生日期";
		}
		if (m.birthDate().plusYears(s.minAge()).isAfter(asOf)) {
			return "未满 " + s.minAge() + " 周岁";
		}
		if (m.joinedLeagueOn() == null) {
			return "未登记入团日期";
		}
		if (m.joinedLeagueOn().plusMonths(s.minLeagueMonths()).isAfter(asOf)) {
			return "团龄不满 " + s.minLeagueMonths() + " 个月";
		}
		if (m.partyAppliedOn() == null) {
			return "未登记递交入党申请书日期";
		}
		if (m.partyAppliedOn().plusMonths(s.minApplicationMonths()).isAfter(asOf)) {
			return "递交入党申请书不满 " + s.minApplicationMonths() + " 个月";
		}
		return null;
	}

}
