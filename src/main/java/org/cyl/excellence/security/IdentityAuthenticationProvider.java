package org.cyl.excellence.security;

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
import org.springframework.stereotype.Component;

/**
 * Checks a login (form or HTTP Basic) against Camunda's identity store, the one place
 * passwords are kept. Camunda also locks an account for a while after repeated wrong
 * passwords. The authorities are the person's Camunda groups ({@code GROUP_<id>}) plus
 * {@code ROLE_ADMIN} / {@code ROLE_MANAGER} / {@code ROLE_USER}.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

	static final String GROUP_PREFIX = "GROUP_";

	private final IdentityService identityService;

	IdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (username == null || username.isBlank() || credentials == null
				|| !this.identityService.checkPassword(username, credentials.toString())) {
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

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
