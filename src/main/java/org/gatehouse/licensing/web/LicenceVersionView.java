package org.gatehouse.licensing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.licensing.LicenceVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One version of a licence as the API shows it: the change that made it, its terms then, why, who and when, and the
 * assessment an amendment's increase passed (for the licensing authority only).
 */
record LicenceVersionView(
        String number,
        long version,
        String action,
        String state,
        LocalDate validUntil,
        String officerConditions,
        List<LineView> lines,
        String reason,
        String actor,
        Instant at,
        JsonNode assessment) {

    /** The version with the assessment the reader may see ({@code assessmentJson}, or null). */
    static LicenceVersionView of(LicenceVersion version, String assessmentJson, JsonMapper json) {
        return new LicenceVersionView(
                version.number().value(),
                version.version(),
                version.action(),
                version.terms().state().name(),
                version.terms().validUntil(),
                version.terms().officerConditions(),
                LineView.of(version.terms().lines()),
                version.reason(),
                version.actor(),
                version.at(),
                assessmentJson == null ? null : json.readTree(assessmentJson));
    }
}
