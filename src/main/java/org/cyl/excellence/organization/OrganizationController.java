package org.cyl.excellence.organization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cyl.excellence.shared.NotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * The organisation API: the tree, the members of an organisation (with their dates), and
 * the import of CSV or XLSX files with its templates (administrators only; the page is
 * {@link OrganizationImportPage}).
 */
@RestController
@RequestMapping("/api/organizations")
class OrganizationController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

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

	/**
	 * A member as those who may see the branch's members see them, with the dates the
	 * 推优入党 rules read (null when not imported).
	 */
	record MemberView(String leagueNo, String name, boolean cadre, String username, LocalDate birthDate,
			LocalDate joinedLeagueOn, LocalDate partyAppliedOn) {
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
		// the dates are personal: for those who keep the members' records, not for the
		// fellow members who see the roll
		boolean records = this.access.mayReadRecords(authentication, org);
		return this.repository.findMemberProfiles(code)
			.stream()
			.map((m) -> new MemberView(m.leagueNo(), m.name(), m.cadre(), m.username(), records ? m.birthDate() : null,
					records ? m.joinedLeagueOn() : null, records ? m.partyAppliedOn() : null))
			.toList();
	}

	/**
	 * Imports up to three files (CSV or XLSX each) in one go, all or nothing: parts
	 * {@code organizations}, {@code members}, {@code roles}.
	 */
	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	ImportReport importCsv(
			@RequestParam(name = OrganizationImport.ORGANIZATIONS, required = false) MultipartFile organizations,
			@RequestParam(name = OrganizationImport.MEMBERS, required = false) MultipartFile members,
			@RequestParam(name = OrganizationImport.ROLES, required = false) MultipartFile roles) throws IOException {
		Map<String, ImportSource> files = new LinkedHashMap<>();
		put(files, OrganizationImport.ORGANIZATIONS, organizations);
		put(files, OrganizationImport.MEMBERS, members);
		put(files, OrganizationImport.ROLES, roles);
		if (files.isEmpty()) {
			throw new IllegalArgumentException("请至少上传一个文件：organizations、members 或 roles（multipart 表单字段）");
		}
		return this.organizationImport.importFiles(files);
	}

	/** The import template of a file as an Excel workbook (with its sheet 说明). */
	@GetMapping("/import/templates/{file}.xlsx")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<byte[]> xlsxTemplate(@PathVariable String file) {
		return template(file, "xlsx", ImportTemplates.xlsx(known(file)), XLSX);
	}

	/** The import template of a file as CSV (UTF-8). */
	@GetMapping("/import/templates/{file}.csv")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<byte[]> csvTemplate(@PathVariable String file) {
		return template(file, "csv", ImportTemplates.csv(known(file)), CSV);
	}

	private static String known(String file) {
		if (!ImportColumns.BY_FILE.containsKey(file)) {
			throw new NotFoundException("没有“" + file + "”的导入模板：应为 organizations、members 或 roles");
		}
		return file;
	}

	private static ResponseEntity<byte[]> template(String file, String extension, byte[] body, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(ImportTemplates.fileName(file, extension), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(body);
	}

	private static void put(Map<String, ImportSource> files, String name, MultipartFile file) {
		if (file != null && !file.isEmpty()) {
			files.put(name, ImportSource.of(file));
		}
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> rejected(ImportRejectedException ex) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(Map.of("message", ex.getMessage(), "errors", ex.errors()));
	}

}
