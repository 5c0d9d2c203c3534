package org.gatehouse.applications.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An assessment as a page shows it, read from its SPEC §4 JSON form — the form the service already cut down to what
 * the reader may see ({@code ApplicationService.Shown#json()}, {@code assessmentShownTo}), so a page can never show
 * more than the API would.
 */
public record AssessmentView(
        String outcome,
        String tier,
        String reviewPath,
        String gb300e,
        String measureAfterGb300e,
        List<Requirement> requirements,
        List<LineView> lines,
        List<String> explanation,
        String policyId,
        String policyVersion,
        String policySha256) {

    /** A requirement by its stable code, with its words and parameters. */
    public record Requirement(String code, String words, String parameters) {}

    /** One line as assessed. */
    public record LineView(String item, long quantity, boolean controlled, String eccn, String gb300e) {}

    static AssessmentView of(String json, JsonMapper mapper) {
        JsonNode node = mapper.readTree(json);
        List<Requirement> requirements = new ArrayList<>();
        for (JsonNode code : node.path("requirements")) {
            JsonNode parameters = node.path("parameters").path(code.asString());
            StringBuilder text = new StringBuilder();
            parameters
                    .properties()
                    .forEach(p -> text.append(text.isEmpty() ? "" : ", ")
                            .append(p.getKey())
                            .append(' ')
                            .append(p.getValue().asString()));
            requirements.add(new Requirement(code.asString(), words(code.asString()), text.toString()));
        }
        List<LineView> lines = new ArrayList<>();
        for (JsonNode line : node.path("lines")) {
            lines.add(new LineView(
                    line.path("item").asString(),
                    line.path("quantity").asLong(),
                    line.path("controlled").asBoolean(),
                    line.path("eccn").isNull() ? null : line.path("eccn").asString(),
                    line.path("gb300e").asString()));
        }
        List<String> explanation = new ArrayList<>();
        node.path("explanation").forEach(sentence -> explanation.add(sentence.asString()));
        JsonNode policy = node.path("policy");
        return new AssessmentView(
                node.path("outcome").asString(),
                text(node.path("tier")),
                text(node.path("review_path")),
                node.path("gb300e").asString(),
                text(node.path("measure_after_gb300e")),
                requirements,
                lines,
                explanation,
                policy.path("id").asString(),
                policy.path("version").asString(),
                policy.path("sha256").asString());
    }

    /** The outcome in words. */
    public String outcomeWords() {
        return switch (outcome) {
            case "NOT_CONTROLLED" -> "No licence needed: nothing in this deal is controlled";
            case "EXEMPT" -> "No licence needed: exempt, with the requirements below";
            case "LICENSE_REQUIRED" -> "A licence is required";
            case "PROHIBITED" -> "Prohibited: this export would be denied";
            default -> outcome;
        };
    }

    /** {@code BUYER_PREAPPROVAL} → "Buyer preapproval". */
    static String words(String code) {
        String text = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        text = text.replace(" us ", " US ").replace("g2g", "G2G").replace("kyc", "KYC");
        if (text.startsWith("us ")) {
            text = "US " + text.substring(3);
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
