package org.cyl.excellence.organization;

/**
 * Somebody who can log in. The password is kept by Camunda's identity store, never here.
 */
public record Account(String username, String displayName, String email) {
}
