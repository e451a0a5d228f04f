package org.cyl.excellence.appraisal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The masses' ballots, on {@code /actuator/prometheus} beside engine's EngineMetrics: the
 * ballots cast and the ballot links issued, read from this module's tables when scraped.
 */
@Component
class BallotMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	BallotMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("excellence.ballots.cast", this.jdbc, (j) -> count(j, "select count(*) from ballot"))
			.description("Ballots cast by the masses")
			.register(registry);
		Gauge
			.builder("excellence.ballots.issued", this.jdbc,
					(j) -> count(j, "select coalesce(sum(ballots_issued), 0) from appraisal"))
			.description("Ballot links issued")
			.register(registry);
	}

	private static double count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
