package org.cyl.excellence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The system clock, which a test may stop and move forward (never back) instead of
 * waiting: the {@link Clock} bean of {@link ApplicationTest}'s context, taken by the
 * login throttle.
 */
public final class MovableClock extends Clock {

	private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

	private final AtomicReference<Instant> stoppedAt = new AtomicReference<>();

	/** Moves the clock forward by {@code duration}. */
	public void advance(Duration duration) {
		this.ahead.accumulateAndGet(duration, Duration::plus);
	}

	/** Stops the clock: from now on it moves only when advanced. */
	public synchronized void stop() {
		Instant now = instant();
		this.ahead.set(Duration.ZERO);
		this.stoppedAt.set(now);
	}

	/** Lets it run again with the system clock, from where it stands. */
	public synchronized void run() {
		Instant now = instant();
		this.stoppedAt.set(null);
		this.ahead.set(Duration.between(Instant.now(), now));
	}

	@Override
	public Instant instant() {
		Instant stopped = this.stoppedAt.get();
		return ((stopped != null) ? stopped : Instant.now()).plus(this.ahead.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneId.systemDefault();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("one zone only");
	}

	/** Puts the clock into the context. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
