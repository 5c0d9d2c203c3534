package org.gatehouse.applications.web;

import org.gatehouse.applications.ApplicationService;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.system.FieldErrors;
import org.gatehouse.system.WebPage;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /assess}: "Will this deal need a licence?" — the deal form with a live preview. As the person types, htmx
 * posts the form to {@code /assess/preview} (debounced) and swaps in the outcome, tier, review path, requirements and
 * explanation, with each field's problem beside it; without JavaScript the button posts to {@code /assess} and the
 * whole page comes back. Both are {@link ApplicationService#dryRun}: nothing is stored, and a caller outside the
 * licensing authority sees only its own organization's filings in each measure.
 */
@Controller
@WebPage
class AssessmentPages {

    static final String VIEW = "applications/assess";

    private final ApplicationService applications;
    private final JsonMapper json;

    AssessmentPages(ApplicationService applications, JsonMapper json) {
        this.applications = applications;
        this.json = json;
    }

    /** Blank fields are absent fields, as a JSON body that leaves them out. */
    @InitBinder
    void blankIsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/assess")
    String form(Model model) {
        DealForms.model(model, java.util.Map.of(), FieldErrors.none(), false);
        return VIEW;
    }

    /** The whole page with the answer (the form's own submit button, without JavaScript). */
    @PostMapping("/assess")
    String assess(
            CurrentUser caller,
            @ModelAttribute ApplicationForm form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model) {
        answer(caller, form, binding, parameters, model);
        return VIEW;
    }

    /** The preview fragment, with every field's message as an out-of-band swap (htmx). */
    @PostMapping("/assess/preview")
    String preview(
            CurrentUser caller,
            @ModelAttribute ApplicationForm form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model) {
        answer(caller, form, binding, parameters, model);
        model.addAttribute("fields", DealForms.shownFields(DealForms.values(parameters), false));
        return VIEW + " :: preview";
    }

    private void answer(
            CurrentUser caller,
            ApplicationForm form,
            BindingResult binding,
            MultiValueMap<String, String> parameters,
            Model model) {
        DealForms.Bound bound = DealForms.bind(form, binding);
        DealForms.model(model, DealForms.values(parameters), bound.errors(), false);
        if (bound.valid()) {
            model.addAttribute(
                    "assessment",
                    AssessmentView.of(
                            applications.dryRun(caller, bound.content(), null).json(), json));
        }
    }
}
