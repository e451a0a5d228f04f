package org.cyl.excellence.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/**
 * Dates of the plan as the engine needs them: due dates and timers at the end of the day.
 */
public final class Dates {

	private Dates() {
	}

	/** 23:59 of the day, in the server's time zone. */
	public static Date endOf(LocalDate day) {
		return Date.from(day.atTime(23, 59).atZone(ZoneId.systemDefault()).toInstant());
	}

	/** The end of the day so many days from today. */
	public static Date inDays(int days) {
		return endOf(LocalDate.now().plusDays(days));
	}

}
