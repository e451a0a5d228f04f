package org.cyl.excellence.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.identity}: the built-in administrator and the first password of every
 * account (IdentitySync, OrganizationStartup; security's DefaultPasswordWarning).
 *
 * @param initialPassword given to every account the first time it is synchronised
 * @param adminUser the built-in administrator account
 * @param adminPassword its password
 */
@ConfigurationProperties("app.identity")
public record IdentityProperties(String initialPassword, String adminUser, String adminPassword) {

}
