package org.cyl.excellence.supervision;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * What the other modules ask of the notices (站内通知) and urges (催办): a person's unread
 * count and first notices, and how often tasks were urged. Each question one bounded
 * query.
 */
@Service
public class Notices {

	private final SupervisionRepository repository;

	Notices(SupervisionRepository repository) {
		this.repository = repository;
	}

	/**
	 * A notice as a list shows it; {@code link} is the path of the page of its work, or
	 * null.
	 */
	public record Item(long id, String text, LocalDateTime createdAt, boolean read, String link) {

		/**
		 * Where a tap on the notice goes: {@code /notices/{id}/open} marks it read and
		 * goes on to its page.
		 */
		public String openUrl() {
			return "/notices/" + this.id + "/open";
		}

	}

	/**
	 * Sends the person a notice on their 工作台 ({@code link}: the path of the page of its
	 * work, or null), in the caller's transaction: a notice of work that was rolled back
	 * is never sent.
	 */
	public void send(String username, String text, String link) {
		this.repository.addNotice(username, text, link, LocalDateTime.now());
	}

	/** How many of the person's notices are unread. */
	public int unread(String username) {
		return this.repository.unreadNotices(username);
	}

	/** The person's first notices: the unread first, each part newest first. */
	public List<Item> latest(String username, int limit) {
		return this.repository.latestNotices(username, limit)
			.stream()
			.map((n) -> new Item(n.id(), n.text(), n.createdAt(), n.readAt() != null, n.link()))
			.toList();
	}

	/** Task id → how often it was urged, for the tasks that were. */
	public Map<String, Integer> urges(Collection<String> taskIds) {
		return this.repository.urgesOf(List.copyOf(taskIds))
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().count()));
	}

}
