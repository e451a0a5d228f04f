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
 * The task page, {@code /tasks/{id}}: the task's own deployed Camunda Form, rendered by
 * form-js in the browser and prefilled as Tasklist prefills it; its values are submitted
 * as JSON to the same address and go to the engine's {@code submitTaskForm} as the
 * person. An offered task is claimed with one tap (or on submission). Another's task, an
 * unknown id: 404; the person's own finished task: 410.
 */
@Controller
class TaskPageController {

	private static final Logger log = LoggerFactory.getLogger(TaskPageController.class);

	/** Where a person goes after a task: the 工作台. */
	static final String HOME = "/";

	private final TaskDesk desk;

	TaskPageController(TaskDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/tasks/{taskId}")
	String page(@PathVariable String taskId, Authentication authentication, Model model) {
		TaskDesk.TaskView task = this.desk.open(taskId, EnginePerson.of(authentication));
		return show(task, model);
	}

	@PostMapping("/tasks/{taskId}/claim")
	String claim(@PathVariable String taskId, Authentication authentication) {
		this.desk.claim(taskId, EnginePerson.of(authentication));
		return "redirect:/tasks/{taskId}";
	}

	/**
	 * The form's values ({@code {"variables": {...}}}): what happens next, or why not.
	 */
	@PostMapping(path = "/tasks/{taskId}", consumes = "application/json", produces = "application/json")
	@ResponseBody
	ResponseEntity<Map<String, Object>> submit(@PathVariable String taskId, @RequestBody Submission submission,
			Authentication authentication) {
		Map<String, Object> values = (submission.variables() == null) ? Map.of() : submission.variables();
		Object result = this.desk.submit(taskId, EnginePerson.of(authentication), values);
		Map<String, Object> body = new LinkedHashMap<>();
		if (result instanceof TaskDesk.Refusal refusal) {
			log.warn("Refused task page submission of task {} by {}: {}", taskId, authentication.getName(),
					refusal.message());
			body.put("message", refusal.message());
			body.put("field", refusal.field());
			return ResponseEntity.status(refusal.status()).body(body);
		}
		TaskDesk.Outcome outcome = (TaskDesk.Outcome) result;
		body.put("message", outcome.message());
		body.put("next", outcome.next());
		body.put("home", HOME);
		return ResponseEntity.ok(body);
	}

	record Submission(Map<String, Object> variables) {
	}

	/**
	 * Administrators see any deployed form as people will (empty but for sample options
	 * where a field takes its options from a variable; nothing is submitted):
	 * {@code /admin/forms/{formId}}.
	 */
	@GetMapping("/admin/forms/{formId}")
	String preview(@PathVariable String formId, Model model) {
		model.addAttribute("preview", true);
		FormSchema schema = this.desk.deployedForm(formId);
		return show(new TaskDesk.TaskView(null, "表单预览：" + formId, null, null, null, null, false, java.util.List.of(),
				schema.text(), TaskDesk.write(TaskDesk.sampleOptions(schema))), model);
	}

	static String show(TaskDesk.TaskView task, Model model) {
		model.addAttribute("task", task);
		model.addAttribute("home", HOME);
		// JSON in a data block (never executed): no "</script>" can end it early
		model.addAttribute("schemaJson", task.schema().replace("<", "\\u003c"));
		model.addAttribute("dataJson", task.data().replace("<", "\\u003c"));
		return "workbench/task";
	}

}
