package org.cyl.excellence.appraisal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.cyl.excellence.appraisal.BallotService.BallotView;
import org.cyl.excellence.appraisal.BallotService.State;
import org.cyl.excellence.organization.OrganizationDirectory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ballot page {@code /ballot/{token}} for the masses: no login, one answer per item
 * (for a candidate list: per candidate, then the list as a whole) and an optional
 * comment. A used, unknown, not yet open or closed link gets a page that says which (with
 * a 4xx status); a second submission counts nothing.
 */
@Controller
class BallotController {

	private static final Map<State, Integer> STATUS = Map.of(State.UNKNOWN, 404, State.USED, 409, State.NOT_YET_OPEN,
			403, State.CLOSED, 410);

	private final BallotService ballots;

	private final OrganizationDirectory organizations;

	private final List<BallotNotes> notes;

	BallotController(BallotService ballots, OrganizationDirectory organizations, List<BallotNotes> notes) {
		this.ballots = ballots;
		this.organizations = organizations;
		this.notes = notes;
	}

	@GetMapping("/ballot/{token}")
	String ballot(@PathVariable String token, Model model, HttpServletResponse response) {
		BallotView view = this.ballots.open(token);
		if (view.state() != State.OPEN) {
			return refused(view, model, response);
		}
		return form(view, model, null, List.of(), null);
	}

	@PostMapping("/ballot/{token}")
	String submit(@PathVariable String token, @RequestParam Map<String, String> params, Model model,
			HttpServletResponse response) {
		BallotView view = this.ballots.open(token);
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < view.items().size(); i++) {
			answers.add(params.get("item" + i));
		}
		try {
			this.ballots.submit(token, view, answers, params.get("comment"));
		}
		catch (BallotService.Refused refused) {
			if (refused.state() != State.OPEN) {
				return refused(this.ballots.open(token), model, response);
			}
			response.setStatus(400);
			return form(view, model, refused.getMessage(), answers, params.get("comment"));
		}
		model.addAttribute("organization", name(view));
		return "appraisal/ballot-done";
	}

	private String form(BallotView view, Model model, String error, List<String> answers, String comment) {
		model.addAttribute("organization", name(view));
		model.addAttribute("candidateList", view.appraisal().candidateList());
		model.addAttribute("items", view.items());
		model.addAttribute("poll", view.appraisal().poll());
		model.addAttribute("answers", view.appraisal().poll() ? PollAnswer.values() : Answer.values());
		// under each item what was promised (or a candidate's deeds), and the page to
		// read
		// it all (a poll of the duty report has none)
		BallotNotes.Notes found = view.appraisal().poll() ? null
				: this.notes.stream()
					.map((n) -> n.notes(view.appraisal().campaignId(), view.appraisal().orgCode(),
							view.appraisal().candidateList(), view.items()))
					.flatMap(java.util.Optional::stream)
					.findFirst()
					.orElse(null);
		List<String> perItem = new ArrayList<>();
		for (int i = 0; i < view.items().size(); i++) {
			perItem.add((found != null && i < found.perItem().size()) ? found.perItem().get(i) : null);
		}
		model.addAttribute("notes", perItem);
		model.addAttribute("notesPage", found);
		model.addAttribute("chosen", answers);
		model.addAttribute("comment", comment);
		model.addAttribute("error", error);
		model.addAttribute("closesAt", view.appraisal().closesAt());
		return "appraisal/ballot";
	}

	private String refused(BallotView view, Model model, HttpServletResponse response) {
		response.setStatus(STATUS.get(view.state()));
		model.addAttribute("state", view.state().name());
		model.addAttribute("organization", (view.appraisal() != null) ? name(view) : null);
		model.addAttribute("opensAt", (view.appraisal() != null) ? view.appraisal().opensAt() : null);
		return "appraisal/ballot-refused";
	}

	/** What is appraised: the organisation, or the committee's candidate list. */
	private String name(BallotView view) {
		return AppraisalDirectory.subject(view.appraisal(),
				this.organizations.find(view.appraisal().orgCode())
					.map((o) -> o.name())
					.orElse(view.appraisal().orgCode()));
	}

}
