package org.cyl.excellence.security;

import java.time.Duration;

import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.FromAddress;
import org.cyl.excellence.MovableClock;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.FromAddress.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords over real HTTP from different client addresses (loopback addresses
 * 127.0.0.x, each a machine of its own): they slow down the address that sends them, with
 * a growing delay of at most a minute, never the account's owner elsewhere; Camunda's own
 * lockout no longer shuts anybody out; administrators see the failures. The clock is
 * moved forward instead of waiting.
 */
@ApplicationTest
class LoginThrottleTests {

	private static final String OWNER = "127.0.0.1";

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@BeforeEach
	void stopTheClock() {
		forgetEveryFailure();
		this.clock.stop();
	}

	@AfterEach
	void forgetEveryFailureAndRunTheClock() {
		// past the throttle's memory: no other test meets what these leave behind
		forgetEveryFailure();
		this.clock.run();
	}

	private void forgetEveryFailure() {
		this.clock.advance(LoginThrottle.FORGET_AFTER.plusMinutes(1));
	}

	@Test
	void wrongBasicPasswordsHoldTheirAddressButNotTheAdministratorElsewhere() {
		FromAddress stranger = new FromAddress("127.0.0.2", this.port);
		int refused = 0;
		int held = 0;
		for (int i = 0; i < 10; i++) {
			Response response = stranger.basic("/engine-rest/user/admin/profile", "admin", "guess" + i);
			if (response.status() == 401) {
				refused++;
			}
			else {
				assertThat(response.status()).isEqualTo(429);
				assertThat(response.body()).contains("登录尝试过于频繁", "秒后再试").doesNotContain("Exception");
				assertThat(response.header("Retry-After"))
					.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
				held++;
			}
		}
		assertThat(refused).as("the first wrong passwords are checked").isEqualTo(LoginThrottle.FREE_PER_ACCOUNT);
		assertThat(held).as("then the address waits").isEqualTo(10 - LoginThrottle.FREE_PER_ACCOUNT);

		assertThat(
				new FromAddress(OWNER, this.port).basic("/engine-rest/user/admin/profile", "admin", "admin").status())
			.as("the administrator from another address, at once")
			.isEqualTo(200);
		assertThat(stranger.basic("/engine-rest/user/admin/profile", "admin", "admin").status())
			.as("even the right password waits at the stranger's address")
			.isEqualTo(429);

		this.clock.advance(Duration.ofSeconds(60));
		assertThat(stranger.basic("/engine-rest/user/admin/profile", "admin", "admin").status())
			.as("the same address, a minute later")
			.isEqualTo(200);
	}

	@Test
	void wrongFormLoginsAreSlowedWithTheWaitOnTheLoginPage() {
		FromAddress stranger = new FromAddress("127.0.0.3", this.port);
		String lastLocation = "";
		for (int i = 0; i < 10; i++) {
			Response response = stranger.login("committee12", "guess" + i);
			assertThat(response.status()).isEqualTo(302);
			lastLocation = response.header("Location").orElseThrow();
			if (i < LoginThrottle.FREE_PER_ACCOUNT) {
				assertThat(lastLocation).endsWith("/login?error");
			}
		}
		assertThat(lastLocation).containsPattern("/login\\?wait=[0-9]+$");
		String wait = lastLocation.substring(lastLocation.indexOf("?"));
		assertThat(stranger.get("/login" + wait).body()).containsPattern("登录尝试过于频繁，请 <span>[0-9]+</span> 秒后再试");

		assertThat(new FromAddress(OWNER, this.port).login("committee12", "demo").header("Location"))
			.as("the owner from another address, at once")
			.hasValueSatisfying((l) -> assertThat(l).doesNotContain("/login"));
		assertThat(stranger.login("committee12", "demo").header("Location"))
			.hasValueSatisfying((l) -> assertThat(l).contains("/login?wait="));

		this.clock.advance(Duration.ofSeconds(60));
		assertThat(stranger.login("committee12", "demo").header("Location")).as("the same address, a minute later")
			.hasValueSatisfying((l) -> assertThat(l).doesNotContain("/login"));
	}

	@Test
	void aForgedWaitOnTheLoginPageIsNotShown() {
		TestHttp anonymous = TestHttp.anonymous(this.port);
		assertThat(anonymous.get("/login?wait=%3Cb%3E9%3C%2Fb%3E").body()).doesNotContain("登录尝试过于频繁", "<b>");
		assertThat(anonymous.get("/login?wait=999").body()).doesNotContain("登录尝试过于频繁", "999");
		assertThat(anonymous.get("/login?wait=30").body()).contains("登录尝试过于频繁，请 <span>30</span> 秒后再试");
	}

	@Test
	void camundaNoLongerLocksTheAccountAfterTwentyWrongPasswords() {
		FromAddress stranger = new FromAddress("127.0.0.4", this.port);
		for (int i = 0; i < 20; i++) {
			// past every delay, so that each wrong password reaches Camunda's identity
			// service
			this.clock.advance(LoginThrottle.MAX_DELAY);
			assertThat(stranger.basic("/engine-rest/user/admin/profile", "admin", "guess" + i).status()).as("try " + i)
				.isEqualTo(401);
		}
		assertThat(
				new FromAddress(OWNER, this.port).basic("/engine-rest/user/admin/profile", "admin", "admin").status())
			.isEqualTo(200);
		this.clock.advance(LoginThrottle.MAX_DELAY);
		assertThat(stranger.basic("/engine-rest/user/admin/profile", "admin", "admin").status()).isEqualTo(200);
	}

	@Test
	void administratorsSeeRecentFailuresOthersGet403() {
		FromAddress stranger = new FromAddress("127.0.0.5", this.port);
		for (int i = 0; i < 3; i++) {
			assertThat(stranger.basic("/engine-rest/task", "gb1203", "guess" + i).status()).isEqualTo(401);
		}
		assertThat(stranger.login("gb1203", "wrong").header("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?error"));

		String page = TestHttp.login(this.port, "admin", "admin").get("/admin/logins").body();
		assertThat(page).contains("登录失败记录", "gb1203", "127.0.0.5");
		assertThat(page).as("each wrong password counted once")
			.containsPattern("<td>gb1203</td>\\s*<td>4</td>")
			.doesNotContain("committee12");

		assertThat(TestHttp.login(this.port, "committee12", "demo").get("/admin/logins").statusCode()).isEqualTo(403);
		assertThat(TestHttp.login(this.port, "manager", "demo").get("/admin/logins").statusCode()).isEqualTo(403);
		assertThat(TestHttp.login(this.port, "admin", "admin").get("/notices").body())
			.as("the administrator finds the page from the header")
			.contains("/admin/logins");
		assertThat(TestHttp.login(this.port, "committee12", "demo").get("/notices").body())
			.doesNotContain("/admin/logins");
	}

	@Test
	void nobodyChecksPasswordsPastTheThrottle() {
		// Camunda's own ways to check somebody's password: closed
		assertThat(TestHttp.basic(this.port, "committee12", "demo")
			.postJson("/engine-rest/identity/verify", "{\"username\":\"admin\",\"password\":\"admin\"}")
			.statusCode()).isEqualTo(403);
		TestHttp committee = TestHttp.login(this.port, "committee12", "demo");
		committee.get("/camunda/app/tasklist/default/");
		assertThat(committee
			.post("/camunda/api/admin/auth/user/default/login/tasklist", "username=admin&password=admin",
					"application/x-www-form-urlencoded")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void manyRightPasswordsAtOnceFromOneAddressAllGoThrough() throws Exception {
		// a script's parallel HTTP Basic requests, or a branch logging in together behind
		// one campus address: more at once than the throttle lets fail
		FromAddress campus = new FromAddress("127.0.0.4", this.port);
		java.util.List<Integer> statuses = atOnce(4 * LoginThrottle.FREE_PER_ADDRESS,
				() -> campus.basic("/engine-rest/version", "sec120101", "demo").status());
		assertThat(statuses).containsOnly(200);
	}

	@Test
	void parallelGuessesAreTakenOneByOne() throws Exception {
		FromAddress stranger = new FromAddress("127.0.0.5", this.port);
		java.util.List<Integer> statuses = atOnce(4 * LoginThrottle.FREE_PER_ADDRESS,
				() -> stranger.basic("/engine-rest/version", "committee12", "guess").status());
		// no more passwords checked than the account lets fail, however many came at
		// once;
		// the others held without a look at the password
		assertThat(statuses.stream().filter((s) -> s == 401).count()).isBetween(1L,
				(long) LoginThrottle.FREE_PER_ACCOUNT);
		assertThat(statuses).containsOnly(401, 429);
		// the owner elsewhere is not held
		assertThat(new FromAddress(OWNER, this.port).basic("/engine-rest/version", "committee12", "demo").status())
			.isEqualTo(200);
	}

	/** {@code count} calls started together on as many threads; their results. */
	private static java.util.List<Integer> atOnce(int count, java.util.concurrent.Callable<Integer> call)
			throws Exception {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(count);
		try {
			java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(count);
			java.util.List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
			for (int i = 0; i < count; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			java.util.List<Integer> statuses = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<Integer> c : calls) {
				statuses.add(c.get(30, java.util.concurrent.TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
