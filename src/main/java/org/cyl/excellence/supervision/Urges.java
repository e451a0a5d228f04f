package org.cyl.excellence.supervision;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.supervision.TaskPlaces.PlacedTask;
import org.cyl.excellence.shared.NotFoundException;
import org.cyl.excellence.shared.PublicUrl;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * 催办, for {@link SupervisionController}: a committee member of a committee that
 * supervises an overdue task urges it; the urge is recorded with who and when, everyone
 * who can do the task gets a notice in the application (linking to the task's page,
 * {@code /tasks/{id}}) and, when SMTP is configured, an e-mail (sent after the urge is
 * recorded, so that a mail failure loses nothing).
 */
@Service
class Urges {

	static final int MAX_MESSAGE = 500;

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final TaskService taskService;

	private final TaskPlaces places;

	private final OverdueList overdue;

	private final SupervisionRepository repository;

	private final UrgeMailer mailer;

	private final TransactionTemplate transaction;

	private final PublicUrl publicUrl;

	Urges(TaskService taskService, TaskPlaces places, OverdueList overdue, SupervisionRepository repository,
			UrgeMailer mailer, TransactionTemplate transaction, PublicUrl publicUrl) {
		this.taskService = taskService;
		this.places = places;
		this.overdue = overdue;
		this.repository = repository;
		this.mailer = mailer;
		this.transaction = transaction;
		this.publicUrl = publicUrl;
	}

	/** What an urge did: whom it notified and how many e-mails went out. */
	record Urged(long urgeId, String taskId, String taskName, String orgCode, String urgedBy, LocalDateTime urgedAt,
			List<String> notified, int mailed) {
	}

	/**
	 * Urges the task; the e-mail links to it in Tasklist under the public address
	 * (app.public-url).
	 */
	Urged urge(String taskId, String message, Authentication urger) {
		Task task = this.taskService.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw new NotFoundException("任务 " + taskId + " 不存在或已办结");
		}
		TaskPlaces.Tree tree = this.places.tree();
		PlacedTask placed = this.places.place(task, tree).orElse(null);
		if (placed == null || !this.places.mayUrge(urger.getName(), placed, tree)) {
			throw new AccessDeniedException("只有督查该任务的上级团委委员可以催办");
		}
		if (!placed.isOverdue(new Date())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "任务尚未逾期");
		}
		String note = (message != null && !message.isBlank()) ? message.strip() : null;
		if (note != null && note.length() > MAX_MESSAGE) {
			throw new IllegalArgumentException("催办意见不能超过 " + MAX_MESSAGE + " 字");
		}
		List<String> people = this.places.people(task);
		LocalDateTime now = LocalDateTime.now();
		String urgerName = this.places.displayName(urger.getName());
		long days = this.overdue.daysOverdue(task.getDueDate());
		String due = OverdueList.local(task.getDueDate()).format(DUE);
		String text = urgerName + "催办：" + placed.org().name() + "的任务“" + task.getName() + "”已逾期" + days + "天（截止 " + due
				+ "），请尽快办理。" + ((note != null) ? "催办意见：" + note : "");
		Long urgeId = this.transaction.execute((status) -> {
			long id = this.repository.addUrge(task.getId(), task.getName(), placed.org().code(), urger.getName(), now,
					note);
			people.forEach((person) -> this.repository.addNotice(person, text, taskPage(task.getId()), now));
			return id;
		});
		int mailed = 0;
		if (this.mailer.isConfigured()) {
			String subject = "【催办】" + task.getName();
			for (String person : people) {
				String email = this.places.user(person).map(User::getEmail).filter((e) -> !e.isBlank()).orElse(null);
				if (email != null && this.mailer.send(email, subject, mailText(person, urgerName, placed, days, due,
						note, this.publicUrl.of("/camunda/app/tasklist/default/#/?task=" + task.getId())))) {
					mailed++;
				}
			}
		}
		return new Urged(urgeId, task.getId(), task.getName(), placed.org().code(), urger.getName(), now,
				new ArrayList<>(people), mailed);
	}

	/** The application's page of the task, where the notice of an urge leads. */
	static String taskPage(String taskId) {
		return "/tasks/" + taskId;
	}

	private String mailText(String person, String urgerName, PlacedTask placed, long days, String due, String note,
			String link) {
		return this.places.displayName(person) + "同志：\n\n" + urgerName + "催办以下逾期任务，请尽快办理。\n\n" + "组织："
				+ placed.org().name() + "\n" + "任务：" + placed.task().getName() + "\n" + "截止时间：" + due + "\n" + "已逾期："
				+ days + "天\n" + "催办意见：" + ((note != null) ? note : "无") + "\n\n" + "在任务列表中办理：" + link
				+ "\n\n创先争优工作平台\n";
	}

}
