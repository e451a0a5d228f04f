package org.cyl.excellence.organization;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 组织数据导入, the page: the administrators upload the organisations, members and roles (CSV
 * or XLSX, any of the three), see what changed or every bad line named, and download the
 * templates. Under {@code /admin/} (administrators only, as the API's import); linked
 * from every page's header for them ({@code fragments.html}) and from 工作台.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OrganizationImportPage {

	static final String PAGE = "/admin/organization-import";

	private final OrganizationImport organizationImport;

	OrganizationImportPage(OrganizationImport organizationImport) {
		this.organizationImport = organizationImport;
	}

	/** A file the page offers: its form field, what it holds and its columns. */
	record FileKind(String key, String title, List<String> columns) {
	}

	/** One bad line, as the page lists it. */
	record Problem(String file, int line, String message) {
	}

	@GetMapping(PAGE)
	String page(Model model) {
		model.addAttribute("kinds", kinds());
		return "organization/organization-import";
	}

	@PostMapping(PAGE)
	String upload(@RequestParam(name = OrganizationImport.ORGANIZATIONS, required = false) MultipartFile organizations,
			@RequestParam(name = OrganizationImport.MEMBERS, required = false) MultipartFile members,
			@RequestParam(name = OrganizationImport.ROLES, required = false) MultipartFile roles, Model model)
			throws IOException {
		model.addAttribute("kinds", kinds());
		Map<String, ImportSource> files = new LinkedHashMap<>();
		put(files, OrganizationImport.ORGANIZATIONS, organizations);
		put(files, OrganizationImport.MEMBERS, members);
		put(files, OrganizationImport.ROLES, roles);
		if (files.isEmpty()) {
			model.addAttribute("message", "请至少选择一个文件（组织、团员或角色）。");
			return "organization/organization-import";
		}
		try {
			model.addAttribute("report", this.organizationImport.importFiles(files));
		}
		catch (ImportRejectedException ex) {
			model.addAttribute("message", ex.getMessage());
			model.addAttribute("problems",
					ex.errors()
						.stream()
						.map((e) -> new Problem(title(e.file()) + "（" + e.file() + "）", e.line(), e.message()))
						.toList());
		}
		return "organization/organization-import";
	}

	private static String title(String file) {
		String key = file.contains(".") ? file.substring(0, file.indexOf('.')) : file;
		return ImportColumns.TITLES.getOrDefault(key, key);
	}

	private static List<FileKind> kinds() {
		return List.of(OrganizationImport.ORGANIZATIONS, OrganizationImport.MEMBERS, OrganizationImport.ROLES)
			.stream()
			.map((k) -> new FileKind(k, ImportColumns.TITLES.get(k),
					ImportColumns.BY_FILE.get(k).stream().map(ImportColumns.Column::label).toList()))
			.toList();
	}

	private static void put(Map<String, ImportSource> files, String name, MultipartFile file) {
		if (file != null && !file.isEmpty()) {
			files.put(name, ImportSource.of(file));
		}
	}

}
