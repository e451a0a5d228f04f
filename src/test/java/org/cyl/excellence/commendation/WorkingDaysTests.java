package org.cyl.excellence.commendation;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working-day arithmetic for public notices. */
class WorkingDaysTests {

	// 2026-10-01 (Thursday) to 10-07 is the National Day holiday; Saturday 10-10 is a
	// make-up working day
	private final WorkingDays calendar = new WorkingDays(
			List.of("2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"), List.of("2026-10-10"));

	private final WorkingDays plain = new WorkingDays(List.of(), List.of());

	@Test
	void aWeekIsFiveWorkingDays() {
		// published Monday 2026-11-16: Tuesday to Monday
		assertThat(this.plain.lastDayOf(LocalDate.of(2026, 11, 16), 5)).isEqualTo(LocalDate.of(2026, 11, 23));
	}

	@Test
	void weekendsAreSkipped() {
		// published Friday 2026-11-20: Monday 11-23 to Friday 11-27
		assertThat(this.plain.lastDayOf(LocalDate.of(2026, 11, 20), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
		// published on a Saturday: the same
		assertThat(this.plain.lastDayOf(LocalDate.of(2026, 11, 21), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
	}

	@Test
	void holidaysAreSkippedAndMakeUpWorkingDaysCount() {
		// published Wednesday 09-30: 10-01..10-07 holiday or weekend, 10-08 Thu, 10-09
		// Fri, 10-10 Sat (make-up),
		// 10-12 Mon, 10-13 Tue
		assertThat(this.calendar.lastDayOf(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 2))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
	}

	@Test
	void aNoticeRunsForAtLeastOneDay() {
		assertThat(this.plain.lastDayOf(LocalDate.of(2026, 11, 20), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThatThrownBy(() -> this.plain.lastDayOf(LocalDate.of(2026, 11, 20), 0))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
