package org.cyl.excellence.organization;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cyl.excellence.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The organisation API: the tree, the members of an organisation, and the CSV import
 * (administrators only).
 */
@RestController
@RequestMapping("/api/organizations")
class OrganizationController {

	private final OrganizationRepository repository;

	private final OrganizationImport organizationImport;

	private final OrganizationAccess access;

	OrganizationController(OrganizationRepository repository, OrganizationImport organizationImport,
			OrganizationAccess access) {
		this.repository = repository;
		this.organizationImport = organizationImport;
		this.access = access;
	}

	/**
	 * A node of the tree: League organisations under their parents, Party organisations
	 * under theirs.
	 */
	record Node(String code, String name, String type, String typeLabel, String partyOrgCode, List<Node> children) {
	}

	record MemberView(String leagueNo, String name, boolean cadre, String username) {
	}

	@GetMapping
	List<Node> tree() {
		List<Organization> orgs = this.repository.findAllOrganizations();
		Map<String, Node> nodes = new LinkedHashMap<>();
		for (Organization org : orgs) {
			nodes.put(org.code(), new Node(org.code(), org.name(), org.type().key(), org.type().label(),
					org.partyOrgCode(), new ArrayList<>()));
		}
		List<Node> roots = new ArrayList<>();
		for (Organization org : orgs) {
			Node parent = (org.parentCode() != null) ? nodes.get(org.parentCode()) : null;
			(parent != null ? parent.children() : roots).add(nodes.get(org.code()));
		}
		return roots;
	}

	@GetMapping("/{code}/members")
	List<MemberView> members(@PathVariable String code, Authentication authentication) {
		Organization org = this.repository.findOrganization(code)
			.orElseThrow(() -> new NotFoundException("组织 " + code + " 不存在"));
		if (!this.access.maySeeMembers(authentication, org)) {
			throw new AccessDeniedException("无权查看" + org.name() + "的团员名单");
		}
		return this.repository.findMembers(code)
			.stream()
			.map((m) -> new MemberView(m.leagueNo(), m.name(), m.cadre(), m.username()))
			.toList();
	}

	/**
	 * Imports up to three CSV files in one go, all or nothing: parts
	 * {@code organizations}, {@code members}, {@code roles}.
	 */
	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	ImportReport importCsv(
			@RequestParam(name = OrganizationImport.ORGANIZATIONS, required = false) MultipartFile organizations,
			@RequestParam(name = OrganizationImport.MEMBERS, required = false) MultipartFile members,
			@RequestParam(name = OrganizationImport.ROLES, required = false) MultipartFile roles) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		put(files, OrganizationImport.ORGANIZATIONS, organizations);
		put(files, OrganizationImport.MEMBERS, members);
		put(files, OrganizationImport.ROLES, roles);
		if (files.isEmpty()) {
			throw new IllegalArgumentException("请至少上传一个文件：organizations、members 或 roles（multipart 表单字段）");
		}
		return this.organizationImport.importCsv(files);
	}

	private static void put(Map<String, byte[]> files, String name, MultipartFile file) throws IOException {
		if (file != null && !file.isEmpty()) {
			files.put(name, file.getBytes());
		}
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> rejected(ImportRejectedException ex) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(Map.of("message", ex.getMessage(), "errors", ex.errors()));
	}

}
