package org.gatehouse.applications;

import java.util.List;
import java.util.Objects;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.AssessmentJson;
import org.gatehouse.policy.Disclosure;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.PolicyRef;
import org.gatehouse.policy.Requirement;
import org.gatehouse.policy.ReviewPath;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.Tpp;

/**
 * What submission recorded: the policy the application was assessed under, the outcome, tier and review path, the
 * exact TPP of its controlled lines, and the SPEC §4 assessment with its explanation.
 *
 * @param tier null when no band applies (NOT_CONTROLLED, PROHIBITED)
 * @param requirements the requirement codes of the assessment, in SPEC §4 order
 * @param reviewPath null for NOT_CONTROLLED and PROHIBITED
 * @param assessmentJson the SPEC §4 JSON form, every figure shown (for the licensing authority)
 * @param applicantAssessmentJson the same as the applicant may read it: of each measure, only its own
 *     organization's filings ({@link Disclosure.OwnFilings})
 */
public record Registration(
        PolicyRef policy,
        Outcome outcome,
        Tier tier,
        ReviewPath reviewPath,
        List<Requirement> requirements,
        Tpp controlledTpp,
        String assessmentJson,
        String applicantAssessmentJson) {

    public Registration {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(outcome, "outcome");
        requirements = List.copyOf(requirements);
        Objects.requireNonNull(controlledTpp, "controlledTpp");
        Objects.requireNonNull(assessmentJson, "assessmentJson");
        Objects.requireNonNull(applicantAssessmentJson, "applicantAssessmentJson");
    }

    /** What {@code assessment} says, as it is recorded, with what its applicant may see of it. */
    public static Registration of(Assessment assessment, Disclosure shownToApplicant) {
        return new Registration(
                PolicyRef.of(assessment.facts().policy()),
                assessment.outcome(),
                Tier.ofNullable(assessment.tier()),
                assessment.reviewPath(),
                assessment.requirements(),
                Tpp.of(assessment.facts().controlledTpp()),
                AssessmentJson.toJson(assessment),
                AssessmentJson.toJson(assessment, shownToApplicant));
    }

    /** Whether the application holds compute in the ledger (see {@link Outcome#holdsCompute()}). */
    public boolean holdsCompute() {
        return outcome.holdsCompute();
    }
}
