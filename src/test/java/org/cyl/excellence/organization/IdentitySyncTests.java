package org.cyl.excellence.organization;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.cyl.excellence.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation model drives Camunda's identity, and running the sync again changes
 * nothing.
 */
@ApplicationTest
class IdentitySyncTests {

	@Autowired
	IdentitySync identitySync;

	@Autowired
	IdentityService identityService;

	@Test
	void syncTwiceGivesTheSameUsersGroupsAndMemberships() {
		this.identitySync.sync();
		String before = snapshot();
		IdentitySync.Report second = this.identitySync.sync();
		assertThat(second.changedAnything()).as(second.toString()).isFalse();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void groupsFollowTheOrganisationsAndRoles() {
		assertThat(members("org120101member")).hasSize(12).contains("sec120101", "m12010112");
		assertThat(members("org120101secretary")).containsExactly("sec120101");
		assertThat(members("org1201committee")).containsExactly("gb1201");
		assertThat(members("orgP1201Sreviewer")).containsExactly("party1201s");
		// the demo's manager (tests import organisations with managers of their own)
		assertThat(members(Groups.MANAGERS)).contains("manager").doesNotContain("sec120101", "city1", "admin");
		assertThat(members(Groups.ADMINISTRATORS)).containsExactly("admin");
		assertThat(members(Groups.USERS)).contains("admin", "manager", "sec120101", "m12010112", "city1");
		// a role group exists before anybody holds the role
		Group secretaries = this.identityService.createGroupQuery().groupId("org1secretary").singleResult();
		assertThat(secretaries.getName()).isEqualTo("共青团南江市委员会·书记");
		assertThat(secretaries.getType()).isEqualTo("WORKFLOW");
		User user = this.identityService.createUserQuery().userId("sec120101").singleResult();
		assertThat(user.getFirstName()).isEqualTo("沈文博");
	}

	@Test
	void membershipsTheModelDoesNotGiveAreRemovedAndMissingOnesRestored() {
		this.identityService.createMembership("m12010104", Groups.ADMINISTRATORS);
		this.identityService.deleteMembership("sec120102", "org120102secretary");
		IdentitySync.Report report = this.identitySync.sync();
		assertThat(report.membershipsAdded()).isEqualTo(1);
		assertThat(report.membershipsRemoved()).isEqualTo(1);
		assertThat(members(Groups.ADMINISTRATORS)).doesNotContain("m12010104");
		assertThat(members("org120102secretary")).containsExactly("sec120102");
	}

	@Test
	void groupIdsStayInsideCamundasWhitelist() {
		for (Group group : this.identityService.createGroupQuery().list()) {
			assertThat(group.getId()).matches("[a-zA-Z0-9]+|camunda-admin");
		}
		for (User user : this.identityService.createUserQuery().list()) {
			assertThat(user.getId()).matches("[a-zA-Z0-9]+");
		}
	}

	private List<String> members(String group) {
		return this.identityService.createUserQuery()
			.memberOfGroup(group)
			.list()
			.stream()
			.map(User::getId)
			.sorted()
			.toList();
	}

	private String snapshot() {
		TreeMap<String, Object> state = new TreeMap<>();
		for (User user : this.identityService.createUserQuery().list()) {
			state.put("user " + user.getId(), user.getFirstName() + "|" + user.getLastName() + "|" + user.getEmail());
		}
		for (Group group : this.identityService.createGroupQuery().list()) {
			state.put("group " + group.getId(),
					group.getName() + "|" + group.getType() + "|" + new TreeSet<>(members(group.getId())));
		}
		return state.toString();
	}

}
