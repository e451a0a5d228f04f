package org.cyl.excellence.engine;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 模型版本（现行）, the administrators' page: which version of every process, decision and form
 * new work uses, who deployed it, when and from where, and where the application's
 * version has taken the place of an administrator's ({@link ModelVersions}); as JSON at
 * {@code /api/admin/models}. Administrators only (the page under {@code /admin/}, both
 * here too); linked from every page's header for them ({@code fragments.html}) and from
 * 工作台.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ModelVersionsController {

	static final String PAGE = "/admin/models";

	static final String API = "/api/admin/models";

	private final ModelVersions versions;

	ModelVersionsController(ModelVersions versions) {
		this.versions = versions;
	}

	/** One of the page's three tables. */
	record Kind(String id, String title, String type, String empty, List<ModelVersions.Model> models) {
	}

	@GetMapping(PAGE)
	String page(Model model) {
		ModelVersions.Overview overview = this.versions.overview();
		model.addAttribute("overview", overview);
		model.addAttribute("kinds",
				List.of(new Kind("processes", "流程", "process", "还没有部署流程。", overview.processes()),
						new Kind("decisions", "决策表", "decision", "还没有部署决策表。", overview.decisions()),
						new Kind("forms", "表单", "form", "还没有部署表单。", overview.forms())));
		return "engine/model-versions";
	}

	@GetMapping(API)
	@ResponseBody
	ModelVersions.Overview api() {
		return this.versions.overview();
	}

}
