package org.cyl.excellence.security;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People's identity comes from the organisation model: a member changes their own
 * password (Camunda Admin → my profile), not their name or e-mail, and creates no users,
 * groups, memberships or authorizations.
 */
@ApplicationTest
class IdentityBoundaryTests {

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	IdentityService identity;

	@Test
	void aMemberChangesTheirPasswordButNotTheirName() {
		String prefix = "ID" + System.nanoTime() % 100000;
		this.support.organization(prefix, 1);
		String member = prefix + "m12";
		User before = this.identity.createUserQuery().userId(member).singleResult();
		TestHttp self = TestHttp.basic(this.port, member, "demo");

		HttpResponse<String> renamed = self.put("/engine-rest/user/" + member + "/profile",
				"{\"id\":\"" + member + "\",\"firstName\":\"改名\",\"lastName\":\"换姓\",\"email\":\"x@example.cn\"}");
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(403);
		User after = this.identity.createUserQuery().userId(member).singleResult();
		assertThat(after.getFirstName()).isEqualTo(before.getFirstName());
		assertThat(after.getLastName()).isEqualTo(before.getLastName());

		HttpResponse<String> changed = self.put("/engine-rest/user/" + member + "/credentials",
				"{\"password\":\"newSecret2026\",\"authenticatedUserPassword\":\"demo\"}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
		assertThat(this.identity.checkPassword(member, "newSecret2026")).isTrue();
		assertThat(TestHttp.basic(this.port, member, "newSecret2026").get("/engine-rest/task").statusCode())
			.isEqualTo(200);

		HttpResponse<String> others = TestHttp.basic(this.port, member, "newSecret2026")
			.put("/engine-rest/user/" + prefix + "s1/credentials",
					"{\"password\":\"taken2026x\",\"authenticatedUserPassword\":\"newSecret2026\"}");
		assertThat(others.statusCode()).as("another person's password").isIn(403, 404);
		assertThat(this.identity.checkPassword(prefix + "s1", "demo")).isTrue();
	}

	@Test
	void peopleCreateNoUsersGroupsMembershipsOrAuthorizations() {
		for (String user : SteeringTests.ROLES) {
			TestHttp person = TestHttp.basic(this.port, user, "demo");
			assertThat(person
				.postJson("/engine-rest/user/create",
						"{\"profile\":{\"id\":\"intruder\",\"firstName\":\"a\",\"lastName\":\"b\"},"
								+ "\"credentials\":{\"password\":\"intruder2026\"}}")
				.statusCode()).as(user).isEqualTo(403);
			assertThat(
					person.postJson("/engine-rest/group/create", "{\"id\":\"intruders\",\"name\":\"x\"}").statusCode())
				.as(user)
				.isEqualTo(403);
			assertThat(person.put("/engine-rest/group/camunda-admin/members/" + user, "").statusCode()).as(user)
				.isEqualTo(403);
			assertThat(person
				.postJson("/engine-rest/authorization/create",
						"{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"" + user
								+ "\",\"resourceType\":0,\"resourceId\":\"*\"}")
				.statusCode()).as(user).isEqualTo(403);
			assertThat(person.delete("/engine-rest/user/admin").statusCode()).as(user).isEqualTo(403);
		}
		assertThat(this.identity.createUserQuery().userId("intruder").count()).isZero();
		assertThat(this.identity.createGroupQuery().groupId("intruders").count()).isZero();
		assertThat(this.identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(User::getId)
			.containsExactly("admin");
	}

}
