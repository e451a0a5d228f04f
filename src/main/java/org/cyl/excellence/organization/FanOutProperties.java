package org.cyl.excellence.organization;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.standing-duties}: how the standing duties (团员教育评议, 推优入党, 双向述职评议) fan out to
 * the organisations of a committee's subtree ({@link SubtreeFanOut}).
 *
 * @param fanOutChunkSize how many organisations one job of the fan-out starts
 */
@Validated
@ConfigurationProperties("app.standing-duties")
public record FanOutProperties(@DefaultValue("50") @Positive int fanOutChunkSize) {

}
