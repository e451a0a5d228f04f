package org.cyl.excellence.campaign;

import java.time.LocalDateTime;

/**
 * The record of a withdrawn campaign (撤销活动): when, by whom (a username) and why.
 */
public record Withdrawal(LocalDateTime withdrawnAt, String withdrawnBy, String reason) {
}
