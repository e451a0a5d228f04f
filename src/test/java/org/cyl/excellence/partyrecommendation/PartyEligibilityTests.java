package org.cyl.excellence.partyrecommendation;

import java.time.LocalDate;

import org.cyl.excellence.organization.MemberProfile;
import org.cyl.excellence.partyrecommendation.PartyRecommendationSettings.Settings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules on a member's dates, on their boundaries (the DMN table's defaults: 18 years,
 * 12 months in the League, 6 months since the Party application), and the quota of 20%
 * rounded down.
 */
class PartyEligibilityTests {

	static final Settings DEFAULTS = new Settings(20, 2, 18, 12, 6, 5);

	static final LocalDate LAUNCH = LocalDate.of(2026, 5, 4);

	static String problem(LocalDate birth, LocalDate joined, LocalDate applied) {
		return PartyEligibility.ruleProblem(new MemberProfile("1", "甲", "B", false, null, birth, joined, applied),
				LAUNCH, DEFAULTS);
	}

	static final LocalDate ADULT = LAUNCH.minusYears(20);

	static final LocalDate MEMBER = LAUNCH.minusYears(3);

	static final LocalDate APPLIED = LAUNCH.minusYears(1);

	@Test
	void eighteenthBirthdayOnTheLaunchDayIsEligibleTheDayAfterIsNot() {
		assertThat(problem(LAUNCH.minusYears(18), MEMBER, APPLIED)).isNull();
		assertThat(problem(LAUNCH.minusYears(18).plusDays(1), MEMBER, APPLIED)).isEqualTo("未满 18 周岁");
	}

	@Test
	void aYearInTheLeagueCountsFromTheJoiningDay() {
		assertThat(problem(ADULT, LAUNCH.minusMonths(12), APPLIED)).isNull();
		assertThat(problem(ADULT, LAUNCH.minusMonths(12).plusDays(1), APPLIED)).isEqualTo("团龄不满 12 个月");
	}

	@Test
	void sixMonthsSinceTheApplicationCountFromItsDay() {
		assertThat(problem(ADULT, MEMBER, LAUNCH.minusMonths(6))).isNull();
		assertThat(problem(ADULT, MEMBER, LAUNCH.minusMonths(6).plusDays(1))).isEqualTo("递交入党申请书不满 6 个月");
	}

	@Test
	void aDateNotImportedIsNamed() {
		assertThat(problem(null, MEMBER, APPLIED)).isEqualTo("未登记出生日期");
		assertThat(problem(ADULT, null, APPLIED)).isEqualTo("未登记入团日期");
		assertThat(problem(ADULT, MEMBER, null)).isEqualTo("未登记递交入党申请书日期");
	}

	@Test
	void quotaIsTwentyPercentRoundedDownAndAtMostTheFormsBlocks() {
		assertThat(DEFAULTS.quota(4)).isZero();
		assertThat(DEFAULTS.quota(5)).isEqualTo(1);
		assertThat(DEFAULTS.quota(9)).isEqualTo(1);
		assertThat(DEFAULTS.quota(10)).isEqualTo(2);
		assertThat(DEFAULTS.quota(100)).isEqualTo(5);
	}

}
