package org.gatehouse.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyRef;
import org.gatehouse.policy.Requirement;
import org.gatehouse.policy.ReviewPath;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Tpp;

/** Cases for plain tests: registered at {@link #REGISTERED}, under Executive Order 12981's deadlines. */
final class CaseFixtures {

    static final Instant REGISTERED = Instant.parse("2026-10-01T09:00:00Z");
    static final Policy.Procedure EO_12981 = Policy.Procedure.DEFAULTS;

    private CaseFixtures() {}

    /** {@code days} (and {@code hours}) after registration. */
    static Instant day(long days) {
        return REGISTERED.plus(Duration.ofDays(days));
    }

    static Instant day(long days, long hours) {
        return day(days).plus(Duration.ofHours(hours));
    }

    /** A tier-2 case to Saudi Arabia needing a pre-approval, a disclosure and consent to inspection. */
    static Case aTier2Case() {
        return aCase(
                Outcome.LICENSE_REQUIRED,
                List.of(
                        Requirement.BUYER_PREAPPROVAL,
                        Requirement.BUSINESS_MODEL_DISCLOSURE,
                        Requirement.SITE_INSPECTION_CONSENT));
    }

    static Case aCase(Outcome outcome, List<Requirement> requirements) {
        return Case.open(
                new ApplicationId(UUID.randomUUID()),
                new OrganizationId(UUID.randomUUID()),
                new CaseSubject(
                        new PolicyRef("us-global-2026-draft", "1", "0".repeat(64)),
                        outcome,
                        outcome == Outcome.LICENSE_REQUIRED ? new Tier("T2") : null,
                        outcome == Outcome.LICENSE_REQUIRED ? ReviewPath.STANDARD : null,
                        requirements,
                        Tpp.of(79_160_000),
                        CompanyName.of("Humain"),
                        CompanyName.of("Public Investment Fund"),
                        CountryCode.of("SA")),
                REGISTERED);
    }

    /** Evidence present for every requirement of the case that needs it. */
    static List<Evidence> allPresent(Case review) {
        return CaseRequirements.evidenceNeeded(review.subject().requirements()).stream()
                .<Evidence>map(r -> new Evidence.Present(r, "a test document"))
                .toList();
    }
}
