package org.cyl.excellence.supervision;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.cyl.excellence.supervision.SupervisionRepository.Notice;
import org.cyl.excellence.shared.NotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logged-in person's notices in the application (站内通知), left by {@link Urges}: newest
 * first, each marked read when the person has seen it.
 */
@RestController
class NoticeController {

	private final SupervisionRepository repository;

	NoticeController(SupervisionRepository repository) {
		this.repository = repository;
	}

	@GetMapping("/api/notices")
	List<Notice> notices(Authentication authentication) {
		return this.repository.notices(authentication.getName());
	}

	@PostMapping("/api/notices/{id}/read")
	Map<String, Object> read(@PathVariable long id, Authentication authentication) {
		if (!this.repository.markRead(id, authentication.getName(), LocalDateTime.now())) {
			throw new NotFoundException("没有这条通知：" + id);
		}
		return Map.of("id", id, "read", true);
	}

}
