package org.cyl.excellence.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * How the application answers a refusal or a failure, for {@link ApiExceptionHandler} and
 * {@link ErrorPageController}: an API gets JSON {@code {"message": ...}}, a page the
 * error page ({@code templates/error.html}); the message is Chinese and never carries a
 * Java name.
 */
public final class ErrorAnswers {

	/** Paths whose clients are programs: they get JSON. */
	private static final String[] API_PATHS = { "/api/", "/camunda/api/", "/engine-rest/", "/actuator/" };

	private ErrorAnswers() {
	}

	/**
	 * JSON for the API paths and for clients that ask for JSON but not HTML; the error
	 * page otherwise.
	 */
	static boolean wantsJson(HttpServletRequest request, String path) {
		if (path != null) {
			for (String api : API_PATHS) {
				if (path.startsWith(api)) {
					return true;
				}
			}
		}
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("json") && !accept.contains("text/html");
	}

	/** The request's path without the context path. */
	static String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return (uri != null && context != null && uri.startsWith(context)) ? uri.substring(context.length()) : uri;
	}

	static Object answer(HttpServletRequest request, String path, HttpStatusCode status, String message) {
		String text = (message != null && chinese(message)) ? message : message(status.value());
		if (wantsJson(request, path)) {
			return json(status, text);
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("title", title(status.value()));
		page.addObject("message", text);
		return page;
	}

	static ResponseEntity<Map<String, Object>> json(HttpStatusCode status, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		// preset, so that a client that accepts only something else still gets the answer
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/**
	 * Whether a text is meant for people: the application's own messages are Chinese;
	 * libraries' (English, with Java names) are replaced by the status's message.
	 */
	public static boolean chinese(String text) {
		return text.codePoints().anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	/** A short heading for the error page. */
	static String title(int status) {
		return switch (status) {
			case 400 -> "请求有误";
			case 401 -> "请先登录";
			case 403 -> "没有权限";
			case 404 -> "没有找到这个页面";
			case 405 -> "不支持的请求方法";
			case 406 -> "无法提供所要求的格式";
			case 409 -> "操作冲突";
			case 413 -> "提交的内容太大";
			case 415 -> "不支持的内容类型";
			case 429 -> "请求过于频繁";
			default -> (status < 500) ? "请求无法处理" : "服务器出错";
		};
	}

	/** The message when nothing more specific is known. */
	public static String message(int status) {
		return switch (status) {
			case 400 -> "请求不正确，请检查填写的内容后重试";
			case 401 -> "请先登录";
			case 403 -> "您没有权限访问此页面或执行此操作";
			case 404 -> "没有找到您要的页面或数据";
			case 405 -> "此地址不支持这种请求方法";
			case 406 -> "无法以所要求的格式提供内容";
			case 409 -> "数据已被他人同时修改，请刷新后重试";
			case 413 -> "提交的内容太大";
			case 415 -> "不支持提交的内容类型";
			case 429 -> "请求过于频繁，请稍后再试";
			case 503 -> "服务暂时不可用，请稍后再试";
			default -> (status < 500) ? "请求无法处理，请检查后重试" : "服务器内部错误，请联系管理员";
		};
	}

}
