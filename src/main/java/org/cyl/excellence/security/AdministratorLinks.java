package org.cyl.excellence.security;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the pages' shared header ({@code fragments.html}) whether the person is an
 * administrator, who then sees the links to the administrators' pages: 组织数据导入, 登录失败记录
 * ({@link LoginAttemptsController}) and 模型版本 (engine's page of the models in force).
 */
@ControllerAdvice
class AdministratorLinks {

	@ModelAttribute("administrator")
	boolean administrator(Authentication authentication) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals("ROLE_ADMIN"));
	}

}
