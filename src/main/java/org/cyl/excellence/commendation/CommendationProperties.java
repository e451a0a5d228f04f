package org.cyl.excellence.commendation;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.commendation}: the public notice (公示) and its objections
 * (PublishNoticeDelegate, ObjectionService).
 *
 * @param noticeWorkingDays how many working days the notice runs
 * @param objections the limits on objections to a notice
 */
@Validated
@ConfigurationProperties("app.commendation")
public record CommendationProperties(@DefaultValue("5") @Positive int noticeWorkingDays,
		@DefaultValue Objections objections) {

	/**
	 * @param perAddressPerDay objections from one client address to one notice within 24
	 * hours
	 * @param perNoticePerHour objections from everyone to one notice within an hour
	 */
	public record Objections(@DefaultValue("5") @Positive int perAddressPerDay,
			@DefaultValue("20") @Positive int perNoticePerHour) {

	}

}
