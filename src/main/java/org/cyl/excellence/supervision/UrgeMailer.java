package org.cyl.excellence.supervision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends {@link Urges}' e-mails when an SMTP server is configured
 * ({@code spring.mail.host} makes Spring Boot create the {@link JavaMailSender}); without
 * one, nothing is sent. A failure is logged and never undoes the urge: the notice in the
 * application is already recorded.
 */
@Component
class UrgeMailer {

	private static final Logger log = LoggerFactory.getLogger(UrgeMailer.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	UrgeMailer(ObjectProvider<JavaMailSender> sender, UrgeMailProperties mail) {
		this.sender = sender;
		this.from = mail.from();
	}

	boolean isConfigured() {
		return this.sender.getIfAvailable() != null;
	}

	/** Whether the mail was handed to the SMTP server. */
	boolean send(String to, String subject, String text) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			return false;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		if (!this.from.isBlank()) {
			message.setFrom(this.from);
		}
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		try {
			mail.send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("Urge e-mail to {} not sent: {}", to, ex.getMessage());
			return false;
		}
	}

}
