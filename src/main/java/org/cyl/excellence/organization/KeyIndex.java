package org.cyl.excellence.organization;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A set of short ASCII keys (League numbers, usernames), each with an int (the line that
 * brought it), held compactly: the keys' bytes one after the other and an open-addressed
 * table of their positions — about 25 bytes per key instead of a hundred for a
 * {@code HashMap<String, Integer>}. An import of a million members keeps the League
 * numbers it has seen, and nothing else of its lines, to name the earlier line of a
 * duplicate.
 */
final class KeyIndex {

	private byte[] bytes = new byte[1 << 12];

	private int used;

	/** Key i occupies bytes[starts[i] .. starts[i + 1]). */
	private int[] starts = new int[257];

	private int[] values = new int[256];

	/** Slot → key number + 1; 0 is an empty slot. */
	private int[] table = new int[512];

	private int size;

	int size() {
		return this.size;
	}

	/** The key's value, or -1 when it is not in the index. */
	int get(String key) {
		byte[] k = key.getBytes(StandardCharsets.ISO_8859_1);
		int slot = find(k, hash(k));
		return (this.table[slot] == 0) ? -1 : this.values[this.table[slot] - 1];
	}

	/**
	 * Adds the key with the value unless it is there; returns its earlier value or -1.
	 */
	int putIfAbsent(String key, int value) {
		byte[] k = key.getBytes(StandardCharsets.ISO_8859_1);
		int hash = hash(k);
		int slot = find(k, hash);
		if (this.table[slot] != 0) {
			return this.values[this.table[slot] - 1];
		}
		if (this.size + 1 >= this.values.length) {
			this.values = Arrays.copyOf(this.values, this.values.length * 2);
			this.starts = Arrays.copyOf(this.starts, this.values.length + 1);
		}
		while (this.used + k.length > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, this.bytes.length * 2);
		}
		System.arraycopy(k, 0, this.bytes, this.used, k.length);
		this.starts[this.size] = this.used;
		this.used += k.length;
		this.starts[this.size + 1] = this.used;
		this.values[this.size] = value;
		this.size++;
		this.table[slot] = this.size;
		if (this.size * 2 > this.table.length) {
			rehash();
		}
		return -1;
	}

	/** Sets the key's value, adding the key when it is not there. */
	void put(String key, int value) {
		byte[] k = key.getBytes(StandardCharsets.ISO_8859_1);
		int slot = find(k, hash(k));
		if (this.table[slot] != 0) {
			this.values[this.table[slot] - 1] = value;
		}
		else {
			putIfAbsent(key, value);
		}
	}

	/** How many keys have the value. */
	int countOf(int value) {
		int count = 0;
		for (int i = 0; i < this.size; i++) {
			if (this.values[i] == value) {
				count++;
			}
		}
		return count;
	}

	private int find(byte[] key, int hash) {
		int mask = this.table.length - 1;
		int slot = hash & mask;
		while (this.table[slot] != 0 && !matches(this.table[slot] - 1, key)) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private boolean matches(int index, byte[] key) {
		int from = this.starts[index];
		return Arrays.equals(this.bytes, from, this.starts[index + 1], key, 0, key.length);
	}

	private void rehash() {
		int[] table = new int[this.table.length * 2];
		int mask = table.length - 1;
		for (int i = 0; i < this.size; i++) {
			int slot = hash(this.bytes, this.starts[i], this.starts[i + 1]) & mask;
			while (table[slot] != 0) {
				slot = (slot + 1) & mask;
			}
			table[slot] = i + 1;
		}
		this.table = table;
	}

	private static int hash(byte[] key) {
		return hash(key, 0, key.length);
	}

	private static int hash(byte[] bytes, int from, int to) {
		int h = 0;
		for (int i = from; i < to; i++) {
			h = 31 * h + bytes[i];
		}
		// spread the bits: keys differing in their last characters land far apart
		h ^= (h >>> 16);
		h *= 0x85ebca6b;
		h ^= (h >>> 13);
		return h;
	}

}
