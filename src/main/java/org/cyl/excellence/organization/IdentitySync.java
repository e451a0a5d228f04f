package org.cyl.excellence.organization;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes Camunda's users, groups and memberships what the organisation model says. Runs on
 * start and after every import; running it twice changes nothing the second time.
 * <p>
 * Managed are the groups {@code org*} and the global groups of {@link Groups}:
 * memberships in them that the model does not give are removed, also from users the model
 * does not know (a user created by hand in Camunda Admin keeps the groups an
 * administrator gives it outside that set). A new user gets the configured initial
 * password; an existing user's password is never touched.
 */
@Service
public class IdentitySync {

	private static final Logger log = LoggerFactory.getLogger(IdentitySync.class);

	private static final Map<String, String> GLOBAL_GROUPS = Map.of(Groups.ADMINISTRATORS, "系统管理员", Groups.USERS,
			"全体用户", Groups.MANAGERS, "管理者", Groups.COMMITTEES, "团委委员", Groups.GENERAL_BRANCH_COMMITTEES, "团总支委员");

	private final IdentityService identityService;

	private final OrganizationRepository repository;

	private final String initialPassword;

	private final String adminUser;

	private final String adminPassword;

	IdentitySync(IdentityService identityService, OrganizationRepository repository, IdentityProperties identity) {
		this.identityService = identityService;
		this.repository = repository;
		this.initialPassword = identity.initialPassword();
		this.adminUser = identity.adminUser();
		this.adminPassword = identity.adminPassword();
	}

	/** What one run changed. */
	public record Report(int usersCreated, int usersUpdated, int groupsCreated, int groupsUpdated, int membershipsAdded,
			int membershipsRemoved) {

		public boolean changedAnything() {
			return this.usersCreated + this.usersUpdated + this.groupsCreated + this.groupsUpdated
					+ this.membershipsAdded + this.membershipsRemoved > 0;
		}

	}

	@Transactional
	public Report sync() {
		List<Organization> orgs = this.repository.findAllOrganizations();
		Map<String, String> wantedGroups = new LinkedHashMap<>(GLOBAL_GROUPS);
		for (Organization org : orgs) {
			for (String role : Groups.roleKeysOf(org.type())) {
				wantedGroups.put(Groups.of(org.code(), role), org.name() + "·" + Groups.roleLabel(role));
			}
		}
		Map<String, Set<String>> wantedMemberships = wantedMemberships();

		int[] groups = syncGroups(wantedGroups);
		int[] users = syncUsers();
		int[] memberships = syncMemberships(wantedGroups.keySet(), wantedMemberships);
		Report report = new Report(users[0], users[1], groups[0], groups[1], memberships[0], memberships[1]);
		if (report.changedAnything()) {
			log.info("Identity synchronised with the organisation model: {}", report);
		}
		return report;
	}

	/** group id → user ids, as the organisation model says. */
	private Map<String, Set<String>> wantedMemberships() {
		Map<String, Set<String>> wanted = new HashMap<>();
		for (Account account : this.repository.findAllAccounts()) {
			add(wanted, Groups.USERS, account.username());
		}
		for (Member member : this.repository.findAllMembers()) {
			if (member.username() != null) {
				add(wanted, Groups.of(member.orgCode(), Groups.MEMBER), member.username());
			}
		}
		Map<String, OrganizationType> types = new HashMap<>();
		this.repository.findAllOrganizations().forEach((o) -> types.put(o.code(), o.type()));
		for (RoleAssignment role : this.repository.findAllRoles()) {
			if (role.role() == Role.COMMITTEE && (types.get(role.orgCode()) == OrganizationType.COMMITTEE
					|| types.get(role.orgCode()) == OrganizationType.HIGHER_COMMITTEE)) {
				add(wanted, Groups.COMMITTEES, role.username());
			}
			if (role.role() == Role.COMMITTEE && types.get(role.orgCode()) == OrganizationType.GENERAL_BRANCH) {
				add(wanted, Groups.GENERAL_BRANCH_COMMITTEES, role.username());
			}
			switch (role.role()) {
				case ADMIN -> add(wanted, Groups.ADMINISTRATORS, role.username());
				case MANAGER -> {
					add(wanted, Groups.MANAGERS, role.username());
					add(wanted, Groups.of(role.orgCode(), role.role()), role.username());
				}
				default -> add(wanted, Groups.of(role.orgCode(), role.role()), role.username());
			}
		}
		return wanted;
	}

	private static void add(Map<String, Set<String>> map, String group, String user) {
		map.computeIfAbsent(group, (g) -> new HashSet<>()).add(user);
	}

	private int[] syncGroups(Map<String, String> wanted) {
		int[] counts = new int[2];
		Map<String, Group> existing = new HashMap<>();
		for (Group group : this.identityService.createGroupQuery().list()) {
			existing.put(group.getId(), group);
		}
		for (Map.Entry<String, String> entry : wanted.entrySet()) {
			Group group = existing.get(entry.getKey());
			String type = GLOBAL_GROUPS.containsKey(entry.getKey()) ? "SYSTEM" : "WORKFLOW";
			if (group == null) {
				group = this.identityService.newGroup(entry.getKey());
				counts[0]++;
			}
			else if (Objects.equals(group.getName(), entry.getValue()) && Objects.equals(group.getType(), type)) {
				continue;
			}
			else {
				counts[1]++;
			}
			group.setName(entry.getValue());
			group.setType(type);
			this.identityService.saveGroup(group);
		}
		return counts;
	}

	private int[] syncUsers() {
		int[] counts = new int[2];
		Map<String, User> existing = new HashMap<>();
		for (User user : this.identityService.createUserQuery().list()) {
			existing.put(user.getId(), user);
		}
		for (Account account : this.repository.findAllAccounts()) {
			User user = existing.get(account.username());
			if (user == null) {
				user = this.identityService.newUser(account.username());
				user.setPassword(account.username().equals(this.adminUser) ? this.adminPassword : this.initialPassword);
				counts[0]++;
			}
			else if (Objects.equals(user.getFirstName(), account.displayName())
					&& Objects.equals(user.getLastName(), "") && Objects.equals(user.getEmail(), account.email())) {
				continue;
			}
			else {
				counts[1]++;
			}
			// a Chinese name is not split into first and last name: Tasklist shows "first
			// last"
			user.setFirstName(account.displayName());
			user.setLastName("");
			user.setEmail(account.email());
			this.identityService.saveUser(user);
		}
		return counts;
	}

	private int[] syncMemberships(Set<String> managedGroups, Map<String, Set<String>> wanted) {
		int[] counts = new int[2];
		for (String group : new TreeSet<>(managedGroups)) {
			Set<String> want = wanted.getOrDefault(group, Set.of());
			Set<String> have = new HashSet<>();
			for (User user : this.identityService.createUserQuery().memberOfGroup(group).list()) {
				have.add(user.getId());
			}
			for (String user : want) {
				if (!have.contains(user)) {
					this.identityService.createMembership(user, group);
					counts[0]++;
				}
			}
			for (String user : have) {
				if (!want.contains(user)) {
					this.identityService.deleteMembership(user, group);
					counts[1]++;
				}
			}
		}
		return counts;
	}

}
