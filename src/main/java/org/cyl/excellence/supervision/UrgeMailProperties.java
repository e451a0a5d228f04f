package org.cyl.excellence.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.mail}: the e-mails of 催办 (UrgeMailer).
 *
 * @param from sender address; empty: the SMTP server's default
 */
@ConfigurationProperties("app.mail")
public record UrgeMailProperties(@DefaultValue("") String from) {

}
