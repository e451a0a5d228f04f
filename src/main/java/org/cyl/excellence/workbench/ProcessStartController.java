package org.cyl.excellence.workbench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cyl.excellence.security.EnginePerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The launch page, {@code /processes/{key}/start}, reached from 工作台's 发起工作: the process's
 * start form rendered like a task's form ({@code workbench/task}), its values submitted
 * as JSON to the same address and started as the person ({@link ProcessStarts}). A
 * process the person may not launch: 404.
 */
@Controller
class ProcessStartController {

	private static final Logger log = LoggerFactory.getLogger(ProcessStartController.class);

	private final ProcessStarts starts;

	ProcessStartController(ProcessStarts starts) {
		this.starts = starts;
	}

	@GetMapping("/processes/{key}/start")
	String page(@PathVariable String key, Authentication authentication, Model model) {
		TaskDesk.TaskView view = this.starts.view(key, EnginePerson.of(authentication));
		model.addAttribute("submitUrl", "/processes/" + key + "/start");
		return TaskPageController.show(view, model);
	}

	@PostMapping(path = "/processes/{key}/start", consumes = "application/json", produces = "application/json")
	@ResponseBody
	ResponseEntity<Map<String, Object>> start(@PathVariable String key,
			@RequestBody TaskPageController.Submission submission, Authentication authentication) {
		Map<String, Object> values = (submission.variables() == null) ? Map.of() : submission.variables();
		Object result = this.starts.start(key, EnginePerson.of(authentication), values);
		Map<String, Object> body = new LinkedHashMap<>();
		if (result instanceof TaskDesk.Refusal refusal) {
			log.warn("Refused launch of {} by {}: {}", key, authentication.getName(), refusal.message());
			body.put("message", refusal.message());
			body.put("field", refusal.field());
			return ResponseEntity.status(refusal.status()).body(body);
		}
		TaskDesk.Outcome outcome = (TaskDesk.Outcome) result;
		body.put("message", outcome.message());
		body.put("next", outcome.next());
		body.put("home", TaskPageController.HOME);
		return ResponseEntity.ok(body);
	}

}
