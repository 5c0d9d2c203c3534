package org.gatehouse.agreements;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gatehouse.cases.CaseFacts;
import org.gatehouse.cases.Evidence;
import org.gatehouse.policy.Requirement;

/**
 * The rule that says whether a tier-3 case's destination has a government-to-government agreement that supports it
 * (SPEC §7), as of the decision's day: G2G_AGREEMENT needs one in force; SECURITY_COMMITMENTS needs it to record
 * commitments and none of them BREACHED; US_INVESTMENT_MATCH needs every tranche due by that day realized in full and
 * the pledge at least ratio × home investment. Each refusal names the shortfall in dollars and its tranche. Pure.
 */
public final class AgreementCoverage {

    /** The requirements an agreement answers for. */
    public static final List<Requirement> ANSWERS =
            List.of(Requirement.G2G_AGREEMENT, Requirement.SECURITY_COMMITMENTS, Requirement.US_INVESTMENT_MATCH);

    private AgreementCoverage() {}

    /**
     * The evidence for {@code requirement} (one of {@link #ANSWERS}).
     *
     * @param candidates the agreements recorded with the case's destination, the most recent first
     */
    public static Evidence evidence(Requirement requirement, CaseFacts facts, List<Agreement> candidates) {
        LocalDate day = LocalDate.ofInstant(facts.at(), ZoneOffset.UTC);
        Optional<Agreement> inForce =
                candidates.stream().filter(a -> a.inForceOn(day)).findFirst();
        if (inForce.isEmpty()) {
            String why = candidates.isEmpty()
                    ? "no government-to-government agreement with " + facts.destination() + " is recorded"
                    : "no agreement with " + facts.destination() + " is in force on " + day + ": agreement '"
                            + candidates.getFirst().terms().title() + "' ("
                            + candidates.getFirst().id() + ") "
                            + candidates.getFirst().standing(day).notInForce().getFirst();
            return new Evidence.Missing(requirement, why);
        }
        Agreement a = inForce.get();
        Standing standing = a.standing(day);
        String named = "agreement '" + a.terms().title() + "' (" + a.id() + ")";
        return switch (requirement) {
            case G2G_AGREEMENT ->
                new Evidence.Present(
                        requirement,
                        named + " with " + a.terms().country() + ", signed " + a.signedOn() + " by "
                                + String.join(", ", a.terms().signatories()) + ", in force since "
                                + a.inForceOn());
            case SECURITY_COMMITMENTS -> {
                if (standing.commitments() == 0) {
                    yield new Evidence.Missing(requirement, named + " records no security commitments");
                }
                if (!standing.breached().isEmpty()) {
                    List<String> breaches = new ArrayList<>();
                    standing.breached().forEach(c -> breaches.add(Standing.breach(c)));
                    yield new Evidence.Missing(requirement, named + ": " + String.join("; ", breaches));
                }
                long met = a.commitments().stream()
                        .filter(c -> c.status() == CommitmentStatus.MET)
                        .count();
                yield new Evidence.Present(
                        requirement,
                        standing.commitments() + " security commitment(s) of " + named + ", none breached (" + met
                                + " met)");
            }
            case US_INVESTMENT_MATCH -> {
                List<String> missing = new ArrayList<>();
                if (standing.pledgeShortfall() != null) {
                    InvestmentCommitment i = a.investment();
                    missing.add("the pledge of " + i.pledged().display() + " is below ratio " + i.matchingRatio()
                            + " × home investment " + i.homeInvestment().display() + " = "
                            + i.required().display() + ": "
                            + standing.pledgeShortfall().display() + " short");
                }
                standing.shortfalls().forEach(s -> missing.add(s.describe()));
                if (!missing.isEmpty()) {
                    yield new Evidence.Missing(requirement, named + ": " + String.join("; ", missing));
                }
                yield new Evidence.Present(
                        requirement,
                        named + ": every tranche due by " + day + " is realized ("
                                + a.realized().display() + " of the pledged "
                                + a.investment().pledged().display() + ", ratio "
                                + a.investment().matchingRatio() + ")");
            }
            default -> throw new IllegalArgumentException(requirement + " is not answered by an agreement");
        };
    }
}
