package org.gatehouse.cases.web;

import java.math.BigDecimal;
import java.util.List;

/** The request shapes of the case API (and of the case pages' forms), raw as clients send them. */
final class CaseForms {

    private CaseForms() {}

    /** Give the case to an officer ({@code officer}: a username, {@code "me"}, or null to leave it unassigned). */
    record Assign(String officer, Long version) {}

    /** Refer the case to agencies (STATE, DEFENSE, ENERGY). */
    record Refer(List<String> agencies, String note, Long version) {}

    /** An agency's recommendation. */
    record Recommend(String recommendation, String reasons) {}

    /** Hold for the applicant's answer, due on a date ({@code yyyy-mm-dd}). */
    record Hold(String question, String dueOn, Long version) {}

    /** The applicant's answer to a hold. */
    record Answer(String answer) {}

    /** A document filed as evidence for a requirement of the case. */
    record Document(String requirement, String name, String mediaType, String sha256, BigDecimal sizeBytes) {}

    /** Flag the case: a party may be {@code company} (a registered company) written another way. */
    record RaiseFlag(String company, String reason, Long version) {}

    /** Clear a raised flag, with the reason. */
    record ClearFlag(String reason, Long version) {}

    /** Return without action. */
    record Return(String reason, Long version) {}

    /** Decide: APPROVED, APPROVED_WITH_CONDITIONS or DENIED, with reasons (and the officer's conditions). */
    record Decide(String decision, String reasons, String conditions, Long version) {}
}
