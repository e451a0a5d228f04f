package org.cyl.excellence.engine;

import java.util.HashMap;
import java.util.Map;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the engine keeps for the length of one HTTP request ({@link FilterReads},
 * {@link FilterCounts}): a map in the request's attributes, which Spring sets for every
 * request; nothing outside one.
 */
final class RequestMaps {

	private RequestMaps() {
	}

	/**
	 * The current request's map under this attribute, made on first use; null outside a
	 * request.
	 */
	@SuppressWarnings("unchecked")
	static <V> Map<String, V> ofThisRequest(String attribute) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return null;
		}
		Object map = request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
		if (map == null) {
			map = new HashMap<String, V>();
			request.setAttribute(attribute, map, RequestAttributes.SCOPE_REQUEST);
		}
		return (Map<String, V>) map;
	}

}
