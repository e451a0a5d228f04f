package org.cyl.excellence.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many times a key (a client address, a page) may do something in a sliding window:
 * the idea of the objections' limits (commendation/ObjectionService: per address per day,
 * per notice per hour) for public forms that must store nothing about their writers. The
 * counts live in this node's memory only — they identify nobody afterwards, and a restart
 * forgets them; on a cluster each node counts on its own, which multiplies the rate by
 * the number of nodes at most. At most {@code maxKeys} keys are kept (the longest quiet
 * go first).
 */
public final class AddressLimit {

	private final int max;

	private final Duration window;

	private final int maxKeys;

	private final Clock clock;

	private final Map<String, Deque<Instant>> uses;

	public AddressLimit(int max, Duration window, int maxKeys, Clock clock) {
		this.max = max;
		this.window = window;
		this.maxKeys = maxKeys;
		this.clock = clock;
		this.uses = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
				return size() > AddressLimit.this.maxKeys;
			}

		};
	}

	/** How many uses the window allows. */
	public int max() {
		return this.max;
	}

	/**
	 * Counts a use of {@code key} if the window has room for it; false (and nothing
	 * counted) when it has not.
	 */
	public synchronized boolean tryUse(String key) {
		Instant now = this.clock.instant();
		Deque<Instant> times = this.uses.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(this.window))) {
			times.pollFirst();
		}
		if (times.size() >= this.max) {
			return false;
		}
		times.addLast(now);
		return true;
	}

	/** Takes back the last use of {@code key} (the action it allowed was refused). */
	public synchronized void giveBack(String key) {
		Deque<Instant> times = this.uses.get(key);
		if (times != null && !times.isEmpty()) {
			times.pollLast();
		}
	}

}
