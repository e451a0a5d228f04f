package org.cyl.excellence.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.cyl.excellence.organization.Groups;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a login (form or HTTP Basic) against Camunda's identity store, the one place
 * passwords are kept, after {@link LoginThrottle} has let the attempt through: wrong
 * passwords slow down their client address (the servlet's remote address, which
 * {@code server.forward-headers-strategy} takes from a proxy's headers). The authorities
 * are the person's Camunda groups ({@code GROUP_<id>}) plus {@code ROLE_ADMIN} /
 * {@code ROLE_MANAGER} / {@code ROLE_USER}.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

	static final String GROUP_PREFIX = "GROUP_";

	private final IdentityService identityService;

	private final LoginThrottle throttle;

	IdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
		this.identityService = identityService;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (username == null || username.isBlank() || credentials == null) {
			throw new BadCredentialsException("用户名或密码错误");
		}
		String address = clientAddress(authentication);
		Duration wait = this.throttle.attempt(username, address);
		if (!wait.isZero()) {
			throw new LoginThrottledException(LoginThrottle.seconds(wait));
		}
		boolean right = false;
		try {
			right = this.identityService.checkPassword(username, credentials.toString());
		}
		finally {
			// a check that failed counts as a wrong password
			this.throttle.settled(username, address, right);
		}
		if (!right) {
			throw new BadCredentialsException("用户名或密码错误");
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
		for (Group group : this.identityService.createGroupQuery().groupMember(username).list()) {
			authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + group.getId()));
			if (Groups.ADMINISTRATORS.equals(group.getId())) {
				authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
			}
			if (Groups.MANAGERS.equals(group.getId())) {
				authorities.add(new SimpleGrantedAuthority("ROLE_MANAGER"));
			}
		}
		return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
	}

	/**
	 * The address the form login or the HTTP Basic request came from (both put
	 * {@link WebAuthenticationDetails} on the authentication).
	 */
	private static String clientAddress(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return "unknown";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
