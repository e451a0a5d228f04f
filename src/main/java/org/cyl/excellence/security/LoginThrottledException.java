package org.cyl.excellence.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A login refused by {@link LoginThrottle} without looking at the password: the address
 * must wait {@link #seconds()} before its next attempt. {@link ThrottledLoginAnswers}
 * turns it into the login page's message or a 429.
 */
class LoginThrottledException extends AuthenticationException {

	private final long seconds;

	LoginThrottledException(long seconds) {
		super("登录尝试过于频繁，请 " + seconds + " 秒后再试");
		this.seconds = seconds;
	}

	long seconds() {
		return this.seconds;
	}

}
