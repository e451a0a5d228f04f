package org.cyl.excellence.supervision;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.cyl.excellence.shared.NotFoundException;

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
					n.readAt() != null, "link", (n.link() != null) ? "/notices/" + n.id() + "/open" : ""))
			.toList();
		model.addAttribute("notices", rows);
		return "supervision/notices";
	}

	/**
	 * Opens a notice: marks it read and goes to the page of its work (a path of the
	 * application), or back to the notices when it has none. Another person's notice or
	 * an unknown id: 404.
	 */
	@GetMapping("/notices/{id}/open")
	String open(@PathVariable long id, Authentication authentication) {
		SupervisionRepository.Notice notice = this.repository.notice(id, authentication.getName())
			.orElseThrow(() -> new NotFoundException("没有这条通知：" + id));
		this.repository.markRead(id, authentication.getName(), LocalDateTime.now());
		String link = notice.link();
		// only a path of the application: never a redirect elsewhere
		boolean local = link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\");
		return "redirect:" + (local ? link : "/notices");
	}

	@PostMapping("/notices/{id}/read")
	String read(@PathVariable long id, Authentication authentication) {
		this.repository.markRead(id, authentication.getName(), LocalDateTime.now());
		return "redirect:/notices";
	}

}
