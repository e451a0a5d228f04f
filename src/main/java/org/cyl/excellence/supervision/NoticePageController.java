package org.cyl.excellence.supervision;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The person's notices as a page ({@code /notices}, linked from every page's header):
 * what {@link NoticeController} answers as JSON, with a button to mark each one read.
 */
@Controller
class NoticePageController {

	private final SupervisionRepository repository;

	NoticePageController(SupervisionRepository repository) {
		this.repository = repository;
	}

	@GetMapping("/notices")
	String notices(Authentication authentication, Model model) {
		List<Map<String, Object>> rows = this.repository.notices(authentication.getName())
			.stream()
			.map((n) -> Map.<String, Object>of("id", n.id(), "text", n.text(), "createdAt", n.createdAt(), "read",
					n.readAt() != null, "link", (n.link() != null) ? n.link() : ""))
			.toList();
		model.addAttribute("notices", rows);
		return "supervision/notices";
	}

	@PostMapping("/notices/{id}/read")
	String read(@PathVariable long id, Authentication authentication) {
		this.repository.markRead(id, authentication.getName(), LocalDateTime.now());
		return "redirect:/notices";
	}

}
