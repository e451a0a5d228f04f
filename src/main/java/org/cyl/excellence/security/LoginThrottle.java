package org.cyl.excellence.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Slows down the guessing of passwords, for {@link IdentityAuthenticationProvider} (form
 * login and HTTP Basic alike), without letting a stranger lock anybody out. The rules:
 * <ul>
 * <li><b>Per client address.</b> After its {@value #FREE_PER_ADDRESS}th wrong password
 * (for any accounts) an address waits 1 s before its next attempt, after the next one 2
 * s, then 4, … at most {@link #MAX_DELAY} (60 s), counted from its last failure.</li>
 * <li><b>Per account.</b> The wrong passwords for an account are counted from all
 * addresses; once there are {@value #FREE_PER_ACCOUNT}, an address <em>that has itself
 * failed on the account</em> waits 1, 2, 4, … at most 60 s after its own last failure on
 * it. An address that has not failed on the account is not held by the account's count:
 * the rightful owner elsewhere logs in at once, whatever strangers do, and after a typo
 * of his own waits at most a minute. Many addresses guessing one account each get one
 * try, then one a minute.</li>
 * <li>While an address waits, its attempts are refused without looking at the password
 * and are not counted, so hammering does not lengthen the wait.</li>
 * <li>Parallel attempts cannot slip through together: an attempt whose password is being
 * checked counts as a failure for the rules above until it is settled. An attempt that
 * only the attempts still being checked would hold is not refused: it waits for them (at
 * most {@link #HOLD_FOR_PENDING}), then is judged on what they turned out to be. So many
 * right passwords at once from one address — a script's parallel HTTP Basic requests, a
 * branch logging in together behind one campus address — all go through, and parallel
 * guesses are taken one by one.</li>
 * <li>Everything is forgotten {@link #FORGET_AFTER} after the last failure; at most
 * {@value #MAX_ENTRIES} addresses and as many accounts are kept (the longest quiet go
 * first), each account with its last {@value #MAX_ADDRESSES_PER_ACCOUNT} addresses.</li>
 * </ul>
 * The state lives in this node's memory: on a cluster each node throttles on its own,
 * which multiplies an attacker's rate by the number of nodes at most. Camunda's own
 * lockout is switched off in {@code application.yaml}: it would lock the owner too.
 */
@Component
class LoginThrottle {

	static final int FREE_PER_ADDRESS = 10;

	static final int FREE_PER_ACCOUNT = 5;

	static final Duration MAX_DELAY = Duration.ofSeconds(60);

	static final Duration FORGET_AFTER = Duration.ofHours(1);

	static final int MAX_ENTRIES = 10_000;

	static final int MAX_ADDRESSES_PER_ACCOUNT = 10;

	/**
	 * How long an attempt waits for the attempts still being checked before it is judged
	 * with them counted as failures.
	 */
	static final Duration HOLD_FOR_PENDING = Duration.ofSeconds(2);

	/** Longer names are cut: they are keys of a map, not looked up anywhere. */
	private static final int MAX_KEY_LENGTH = 64;

	private final Clock clock;

	private final Map<String, Failures> addresses = lru();

	private final Map<String, Account> accounts = lru();

	/**
	 * Attempts being checked, per address, per account and per pair of both: at most as
	 * many as requests in flight.
	 */
	private final Map<String, Integer> pendingByAddress = new HashMap<>();

	private final Map<String, Integer> pendingByAccount = new HashMap<>();

	private final Map<String, Integer> pendingByPair = new HashMap<>();

	/**
	 * A {@link Clock} bean, if the context has one (the tests move time forward), else
	 * the system clock.
	 */
	LoginThrottle(ObjectProvider<Clock> clock) {
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Registers an attempt of {@code address} on {@code account}: {@link Duration#ZERO}
	 * if it may go ahead — it then counts as a failure until {@link #settled} says what
	 * it was — else how long it must wait, and nothing is counted. May wait for the
	 * attempts being checked (see the class).
	 */
	synchronized Duration attempt(String account, String address) {
		String user = key(account);
		String from = key(address);
		long deadline = System.nanoTime() + HOLD_FOR_PENDING.toNanos();
		while (true) {
			Instant now = this.clock.instant();
			forgetOld(now);
			Duration wait = delay(user, from, now, false);
			if (!wait.isZero()) {
				return wait;
			}
			Duration withPending = delay(user, from, now, true);
			if (withPending.isZero()) {
				this.pendingByAddress.merge(from, 1, Integer::sum);
				this.pendingByAccount.merge(user, 1, Integer::sum);
				this.pendingByPair.merge(pair(user, from), 1, Integer::sum);
				return Duration.ZERO;
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return withPending;
			}
			try {
				// woken when an attempt is settled
				wait(Math.max(1, left / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return withPending;
			}
		}
	}

	/**
	 * Settles an attempt that {@link #attempt} let through: a right password forgets the
	 * failures of this address on this account (those of strangers stay counted), a wrong
	 * one — or a check that failed — is counted.
	 */
	synchronized void settled(String account, String address, boolean right) {
		String user = key(account);
		String from = key(address);
		release(this.pendingByAddress, from);
		release(this.pendingByAccount, user);
		release(this.pendingByPair, pair(user, from));
		Instant now = this.clock.instant();
		if (right) {
			Account byAccount = this.accounts.get(user);
			if (byAccount != null) {
				Failures pair = byAccount.addresses.remove(from);
				byAccount.total.count -= (pair != null) ? pair.count : 0;
				if (byAccount.total.count <= 0) {
					this.accounts.remove(user);
				}
			}
		}
		else {
			this.addresses.computeIfAbsent(from, (k) -> new Failures()).add(now);
			this.accounts.computeIfAbsent(user, (k) -> new Account()).add(from, now);
		}
		notifyAll();
	}

	/**
	 * How long {@code from} waits before an attempt on {@code user}: with the attempts
	 * being checked counted as failures, or without.
	 */
	private Duration delay(String user, String from, Instant now, boolean withPending) {
		// an attempt being checked counts as a failure at this moment
		int fromAddress = withPending ? pending(this.pendingByAddress, from) : 0;
		int onAccount = withPending ? pending(this.pendingByAccount, user) : 0;
		int fromAddressOnAccount = withPending ? pending(this.pendingByPair, pair(user, from)) : 0;
		Duration wait = Duration.ZERO;
		Failures byAddress = this.addresses.get(from);
		if (byAddress != null || fromAddress > 0) {
			wait = max(wait, remaining(((byAddress != null) ? byAddress.count : 0) + fromAddress, FREE_PER_ADDRESS,
					(fromAddress > 0) ? now : byAddress.last, now));
		}
		Account byAccount = this.accounts.get(user);
		Failures pair = (byAccount != null) ? byAccount.addresses.get(from) : null;
		if (pair != null || fromAddressOnAccount > 0) {
			wait = max(wait, remaining(((byAccount != null) ? byAccount.total.count : 0) + onAccount, FREE_PER_ACCOUNT,
					(fromAddressOnAccount > 0) ? now : pair.last, now));
		}
		return wait;
	}

	private static int pending(Map<String, Integer> pending, String key) {
		return pending.getOrDefault(key, 0);
	}

	private static void release(Map<String, Integer> pending, String key) {
		pending.computeIfPresent(key, (k, n) -> (n > 1) ? n - 1 : null);
	}

	/** The key of the attempts of an address on an account, beside theirs. */
	private static String pair(String user, String from) {
		return user + "\u0000" + from;
	}

	/** Accounts with recent wrong passwords, the latest first: for the administrators. */
	synchronized List<FailedLogins> recent() {
		Instant now = this.clock.instant();
		forgetOld(now);
		List<FailedLogins> list = new ArrayList<>();
		this.accounts.forEach((user, account) -> {
			List<AddressFailures> from = new ArrayList<>();
			account.addresses.forEach((address, failures) -> {
				Failures byAddress = this.addresses.get(address);
				Duration wait = remaining(account.total.count, FREE_PER_ACCOUNT, failures.last, now);
				if (byAddress != null) {
					wait = max(wait, remaining(byAddress.count, FREE_PER_ADDRESS, byAddress.last, now));
				}
				from.add(new AddressFailures(address, failures.count, failures.last, seconds(wait)));
			});
			from.sort(Comparator.comparing(AddressFailures::last).reversed());
			list.add(new FailedLogins(user, account.total.count, account.total.last, from));
		});
		list.sort(Comparator.comparing(FailedLogins::last).reversed());
		return list;
	}

	/** Whole seconds, rounded up: what a person is told to wait. */
	static long seconds(Duration wait) {
		return (wait.toMillis() + 999) / 1000;
	}

	/**
	 * After {@code free} failures: 1 s, then doubling with every further failure, at most
	 * {@link #MAX_DELAY}; what is left of it at {@code now}.
	 */
	private static Duration remaining(int failures, int free, Instant last, Instant now) {
		if (failures < free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - free, 6);
		Duration delay = Duration.ofSeconds(1L << doublings);
		if (delay.compareTo(MAX_DELAY) > 0) {
			delay = MAX_DELAY;
		}
		Duration left = Duration.between(now, last.plus(delay));
		return left.isNegative() ? Duration.ZERO : left;
	}

	private void forgetOld(Instant now) {
		Instant before = now.minus(FORGET_AFTER);
		this.addresses.values().removeIf((f) -> f.last.isBefore(before));
		for (Iterator<Account> it = this.accounts.values().iterator(); it.hasNext();) {
			Account account = it.next();
			account.addresses.values().removeIf((f) -> f.last.isBefore(before));
			if (account.total.last.isBefore(before) || account.addresses.isEmpty()) {
				it.remove();
			}
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String key(String value) {
		String key = (value != null) ? value.strip() : "";
		return (key.length() > MAX_KEY_LENGTH) ? key.substring(0, MAX_KEY_LENGTH) : key;
	}

	/**
	 * Access-ordered and capped: the entry that failed longest ago goes first when full.
	 */
	private static <V> Map<String, V> lru() {
		return new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > MAX_ENTRIES;
			}

		};
	}

	/** Failures and the time of the last. */
	private static final class Failures {

		private int count;

		private Instant last = Instant.EPOCH;

		void add(Instant now) {
			this.count++;
			this.last = now;
		}

	}

	/** An account's failures in all and per address. */
	private static final class Account {

		private final Failures total = new Failures();

		private final Map<String, Failures> addresses = new LinkedHashMap<>(4, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
				return size() > MAX_ADDRESSES_PER_ACCOUNT;
			}

		};

		void add(String address, Instant now) {
			this.total.add(now);
			this.addresses.computeIfAbsent(address, (k) -> new Failures()).add(now);
		}

	}

	/** An account's recent wrong passwords. */
	record FailedLogins(String account, int count, Instant last, List<AddressFailures> addresses) {
	}

	/**
	 * The wrong passwords for an account from one address, and how many seconds that
	 * address still waits before its next attempt on it.
	 */
	record AddressFailures(String address, int count, Instant last, long waitSeconds) {
	}

}
