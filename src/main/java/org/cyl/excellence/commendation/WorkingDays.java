package org.cyl.excellence.commendation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Working days for public notices (公示 runs for working days): Monday to Friday, less the
 * configured public holidays ({@code app.calendar.holidays}), plus the configured make-up
 * working days on a weekend ({@code app.calendar.working-weekend-days}, 调休), all as
 * yyyy-MM-dd lists.
 */
@Component
public class WorkingDays {

	private final Set<LocalDate> holidays;

	private final Set<LocalDate> workingWeekendDays;

	@Autowired
	WorkingDays(CalendarProperties calendar) {
		this(calendar.holidays(), calendar.workingWeekendDays());
	}

	WorkingDays(List<String> holidays, List<String> workingWeekendDays) {
		this.holidays = parse(holidays);
		this.workingWeekendDays = parse(workingWeekendDays);
	}

	private static Set<LocalDate> parse(List<String> days) {
		Set<LocalDate> parsed = new TreeSet<>();
		for (String day : days) {
			if (!day.isBlank()) {
				parsed.add(LocalDate.parse(day.trim()));
			}
		}
		return parsed;
	}

	public boolean isWorkingDay(LocalDate day) {
		if (this.workingWeekendDays.contains(day)) {
			return true;
		}
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !this.holidays.contains(day);
	}

	/**
	 * The last day of a period of {@code days} working days that starts on the first
	 * working day after {@code published}: a notice published on Friday for 5 working
	 * days runs Monday to Friday.
	 */
	public LocalDate lastDayOf(LocalDate published, int days) {
		if (days < 1) {
			throw new IllegalArgumentException("a notice runs for at least one working day");
		}
		LocalDate day = published;
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

}
