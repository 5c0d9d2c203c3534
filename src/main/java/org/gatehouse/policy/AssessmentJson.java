package org.gatehouse.policy;

import java.util.List;
import java.util.Map;
import org.gatehouse.trade.Gb300e;

/**
 * Writes the public JSON form of an assessment (SPEC §4): snake_case keys, GB300e as decimal strings rounded half-up
 * to two places, requirement parameters in a {@code parameters} map keyed by code. Hand-written so that a million rows
 * stream out without building a tree per row.
 */
public final class AssessmentJson {

    private AssessmentJson() {}

    /** Appends the JSON object (one line, no trailing newline) for {@code assessment} to {@code out}. */
    public static void write(Assessment assessment, StringBuilder out) {
        write(assessment, Disclosure.EVERYTHING, out);
    }

    /**
     * Appends the JSON object for {@code assessment} as {@code disclosure} lets its reader see it: with only the
     * reader's own filings, {@code measure_after_gb300e} (a total including others' filings) is null.
     */
    public static void write(Assessment assessment, Disclosure disclosure, StringBuilder out) {
        Assessment.Facts facts = assessment.facts();
        Policy policy = facts.policy();
        long ref = policy.referenceTpp();
        out.append("{\"id\":");
        Json.string(assessment.id(), out);
        out.append(",\"outcome\":\"").append(assessment.outcome().name()).append('"');
        out.append(",\"tier\":");
        Json.string(assessment.tier(), out);
        out.append(",\"review_path\":");
        ReviewPath path = assessment.reviewPath();
        Json.string(path == null ? null : path.name(), out);
        out.append(",\"gb300e\":\"")
                .append(Gb300e.format(facts.controlledTpp(), ref))
                .append('"');
        out.append(",\"measure_after_gb300e\":");
        long after = disclosure instanceof Disclosure.Everything ? assessment.measureAfterTpp() : -1;
        if (after < 0) {
            out.append("null");
        } else {
            out.append('"').append(Gb300e.format(after, ref)).append('"');
        }
        List<Requirement> requirements = assessment.requirements();
        out.append(",\"requirements\":[");
        for (int i = 0; i < requirements.size(); i++) {
            out.append(i == 0 ? "\"" : ",\"").append(requirements.get(i).name()).append('"');
        }
        out.append("],\"parameters\":{");
        boolean first = true;
        for (Requirement r : requirements) {
            Map<String, String> parameters = policy.parameters(r);
            if (parameters.isEmpty()) {
                continue;
            }
            out.append(first ? "\"" : ",\"").append(r.name()).append("\":{");
            first = false;
            boolean firstParameter = true;
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                if (!firstParameter) {
                    out.append(',');
                }
                firstParameter = false;
                Json.string(p.getKey(), out);
                out.append(':');
                Json.string(p.getValue(), out);
            }
            out.append('}');
        }
        out.append("},\"lines\":[");
        List<Line> lines = facts.deal().lines();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"item\":");
            Json.string(line.item().name(), out);
            out.append(",\"quantity\":").append(line.quantity());
            out.append(",\"controlled\":").append(line.item().controlled());
            out.append(",\"eccn\":");
            Json.string(line.item().eccn().code(), out);
            out.append(",\"gb300e\":\"").append(Gb300e.format(line.tpp(), ref)).append("\"}");
        }
        out.append("],\"explanation\":[");
        List<String> explanation = Explanation.of(assessment, disclosure);
        for (int i = 0; i < explanation.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Json.string(explanation.get(i), out);
        }
        out.append("],\"policy\":{\"id\":");
        Json.string(policy.id(), out);
        out.append(",\"version\":");
        Json.string(policy.version(), out);
        out.append(",\"sha256\":\"").append(policy.sha256()).append("\"}}");
    }

    /** The JSON form as a string. */
    public static String toJson(Assessment assessment) {
        return toJson(assessment, Disclosure.EVERYTHING);
    }

    /** The JSON form as {@code disclosure} lets its reader see it. */
    public static String toJson(Assessment assessment, Disclosure disclosure) {
        StringBuilder out = new StringBuilder(1024);
        write(assessment, disclosure, out);
        return out.toString();
    }
}
