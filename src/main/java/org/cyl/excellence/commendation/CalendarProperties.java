package org.cyl.excellence.commendation;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.calendar}: public holidays and working weekend days (调休), yyyy-MM-dd, for
 * the working days of the public notice (WorkingDays).
 */
@ConfigurationProperties("app.calendar")
public record CalendarProperties(@DefaultValue List<String> holidays, @DefaultValue List<String> workingWeekendDays) {

}
