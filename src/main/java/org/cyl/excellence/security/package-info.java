/**
 * Spring Security, single sign-on into the webapps, Camunda authorizations and filters,
 * sessions, the login throttle and the engine boundary (a request sets only what its form
 * asks). API: SpringSecurityAuthenticationProvider (Camunda instantiates it by name),
 * EnginePerson (a logged-in person at the engine, for pages that act for them),
 * EngineBoundary (a process engine plugin).
 */
@ApplicationModule(displayName = "安全 · security", allowedDependencies = { "organization", "engine" })
package org.cyl.excellence.security;

import org.springframework.modulith.ApplicationModule;
