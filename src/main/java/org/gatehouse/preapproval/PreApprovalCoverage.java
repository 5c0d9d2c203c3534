package org.gatehouse.preapproval;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.gatehouse.cases.CaseFacts;
import org.gatehouse.cases.Evidence;
import org.gatehouse.policy.Requirement;

/**
 * The rule that says whether a case's buyer is pre-approved (SPEC §7): a pre-approval covers the case when it is
 * GRANTED or REINSTATED (not suspended), within its validity on the day of the decision, for the case's ultimate
 * parent (canonical key) and destination. That pre-approval also answers for the business-model disclosure it carries
 * and for the consent to on-site inspection it gives. Pure: the candidates are read by the caller.
 */
public final class PreApprovalCoverage {

    /** The requirements a pre-approval answers for. */
    public static final List<Requirement> ANSWERS = List.of(
            Requirement.BUYER_PREAPPROVAL, Requirement.BUSINESS_MODEL_DISCLOSURE, Requirement.SITE_INSPECTION_CONSENT);

    private PreApprovalCoverage() {}

    /**
     * The evidence for {@code requirement} (one of {@link #ANSWERS}).
     *
     * @param candidates the pre-approvals recorded for the case's ultimate parent (any state)
     */
    public static Evidence evidence(Requirement requirement, CaseFacts facts, List<PreApproval> candidates) {
        LocalDate day = LocalDate.ofInstant(facts.at(), ZoneOffset.UTC);
        Optional<PreApproval> covering = candidates.stream()
                .filter(p -> p.coversOn(facts.ultimateParent(), facts.destination(), day))
                .max(Comparator.comparing(PreApproval::validUntil));
        if (covering.isEmpty()) {
            String why = whyNotCovered(facts, candidates, day);
            return new Evidence.Missing(
                    requirement,
                    requirement == Requirement.BUYER_PREAPPROVAL
                            ? why
                            : "it is given with a granted pre-approval of the buyer, and " + why);
        }
        PreApproval p = covering.get();
        return switch (requirement) {
            case BUYER_PREAPPROVAL ->
                new Evidence.Present(
                        requirement,
                        "pre-approval " + p.id() + " of " + p.request().company() + " (ultimate parent "
                                + p.request().ultimateParent() + "), " + p.standing(day) + ", valid "
                                + p.validFrom() + " to " + p.validUntil() + ", covers "
                                + p.request().countries());
            case BUSINESS_MODEL_DISCLOSURE ->
                new Evidence.Present(
                        requirement,
                        "disclosure '" + p.request().disclosure().name() + "' (SHA-256 "
                                + p.request().disclosure().sha256() + ") of pre-approval " + p.id());
            case SITE_INSPECTION_CONSENT ->
                p.request().inspectionConsent()
                        ? new Evidence.Present(
                                requirement,
                                "consent to on-site inspection of "
                                        + p.request().sites().size() + " site(s) given in pre-approval " + p.id())
                        : new Evidence.Missing(
                                requirement,
                                "pre-approval " + p.id() + " was asked for without consent to on-site inspection");
            default -> throw new IllegalArgumentException(requirement + " is not answered by a pre-approval");
        };
    }

    /** Why no pre-approval covers the case, naming the nearest candidate and what it lacks. */
    private static String whyNotCovered(CaseFacts facts, List<PreApproval> candidates, LocalDate day) {
        String subject = "ultimate parent '" + facts.ultimateParent() + "' (key '"
                + facts.ultimateParent().key() + "') in " + facts.destination();
        List<PreApproval> forCountry = candidates.stream()
                .filter(p -> p.request().covers(facts.ultimateParent(), facts.destination()))
                .toList();
        if (forCountry.isEmpty()) {
            if (candidates.isEmpty()) {
                return "no pre-approval is recorded for " + subject;
            }
            return "no pre-approval covers " + subject + "; pre-approval "
                    + candidates.getFirst().id() + " covers only "
                    + candidates.getFirst().request().countries();
        }
        PreApproval nearest = forCountry.getFirst();
        PreApprovalState standing = nearest.standing(day);
        String detail = switch (standing) {
            case REQUESTED, UNDER_REVIEW -> "is " + standing + ": not granted yet";
            case DENIED -> "was DENIED: " + nearest.reason();
            case SUSPENDED -> "is SUSPENDED since " + nearest.changedAt() + ": " + nearest.reason();
            case REVOKED -> "was REVOKED: " + nearest.reason();
            case EXPIRED -> "EXPIRED: its validity ended on " + nearest.validUntil();
            case GRANTED, REINSTATED -> "is valid only from " + nearest.validFrom();
        };
        return "no valid pre-approval covers " + subject + " on " + day + "; pre-approval " + nearest.id() + " "
                + detail;
    }
}
