package org.gatehouse.applications.web;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recorded assessments for the templates of other modules, which show them with the same fragment as the
 * application's page ({@code applications/assessment :: summary}): the case page asks
 * {@code ${@assessmentViews.of(json)}} with the JSON its service cut down to what the reader may see.
 */
@Component("assessmentViews")
public class AssessmentViews {

    private final JsonMapper json;

    AssessmentViews(JsonMapper json) {
        this.json = json;
    }

    /** The assessment of {@code assessmentJson} (SPEC §4 form) as a page shows it, or null for null. */
    public AssessmentView of(String assessmentJson) {
        return assessmentJson == null ? null : AssessmentView.of(assessmentJson, json);
    }
}
