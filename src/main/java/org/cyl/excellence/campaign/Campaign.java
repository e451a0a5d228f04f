package org.cyl.excellence.campaign;

/**
 * A campaign with its plan (and the plan's rounds), as the modules that take part in it
 * read it.
 */
public record Campaign(String id, String committeeCode, String status, String processInstanceId, Plan plan) {
}
