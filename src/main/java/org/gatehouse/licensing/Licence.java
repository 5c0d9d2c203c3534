package org.gatehouse.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.cases.LicenceCondition;
import org.gatehouse.policy.PolicyRef;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.OrganizationId;

/**
 * An export licence (SPEC §6.3): the aggregate that owns its life. Each change is a method that checks the version
 * the caller read and the current state against {@link LicenceState#next()}, refuses with the state named, and moves.
 * Validity is checked on every use: a licence past its last valid day refuses shipments and changes even before the
 * expiry job has marked it expired. It knows nothing of storage, the ledger or the audit log.
 */
public final class Licence {

    private final LicenceNumber number;
    private final ApplicationId applicationId;
    private final OrganizationId holder;
    private final ApplicationContent content;
    private final PolicyRef policy;
    private final Tier tier;
    private final String assessmentJson;
    private final String applicantAssessmentJson;
    private final List<LicenceCondition> conditions;
    private final String issuedBy;
    private final Instant issuedAt;
    private final LocalDate validFrom;
    /** The version it was read at (0: not stored yet); a save succeeds only if the stored row is still there. */
    private final long storedVersion;

    private LicenceState state;
    private long version;
    private Instant updatedAt;
    private LocalDate validUntil;
    private String officerConditions;
    private ItemLines lines;

    /**
     * A licence as issued or as stored.
     *
     * @param tier the tier it was assessed in (null when no band applied)
     * @param applicantAssessmentJson the assessment as its holder may read it (its own filings of each measure)
     */
    public record Issue(
            LicenceNumber number,
            ApplicationId applicationId,
            OrganizationId holder,
            ApplicationContent content,
            PolicyRef policy,
            Tier tier,
            String assessmentJson,
            String applicantAssessmentJson,
            List<LicenceCondition> conditions,
            String officerConditions,
            String issuedBy,
            Instant issuedAt,
            LocalDate validFrom,
            LocalDate validUntil) {

        public Issue {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(assessmentJson, "assessmentJson");
            Objects.requireNonNull(applicantAssessmentJson, "applicantAssessmentJson");
            conditions = List.copyOf(conditions);
            Objects.requireNonNull(issuedBy, "issuedBy");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(validUntil, "validUntil");
            if (validUntil.isBefore(validFrom)) {
                throw new IllegalArgumentException(
                        "a licence valid from " + validFrom + " cannot end before it, on " + validUntil);
            }
        }
    }

    private Licence(
            Issue issue,
            LicenceState state,
            long version,
            long storedVersion,
            Instant updatedAt,
            LocalDate validUntil,
            String officerConditions,
            ItemLines lines) {
        this.number = issue.number();
        this.applicationId = issue.applicationId();
        this.holder = issue.holder();
        this.content = issue.content();
        this.policy = issue.policy();
        this.tier = issue.tier();
        this.assessmentJson = issue.assessmentJson();
        this.applicantAssessmentJson = issue.applicantAssessmentJson();
        this.conditions = issue.conditions();
        this.issuedBy = issue.issuedBy();
        this.issuedAt = issue.issuedAt();
        this.validFrom = issue.validFrom();
        this.state = Objects.requireNonNull(state, "state");
        this.version = version;
        this.storedVersion = storedVersion;
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
        this.officerConditions = officerConditions;
        this.lines = Objects.requireNonNull(lines, "lines");
        if (lines.lines().size() != content.lines().size()) {
            throw new IllegalArgumentException("a licence has one line per line of its application");
        }
    }

    /** A new licence, ACTIVE at version 1, for the lines of its application (nothing shipped). */
    public static Licence issue(Issue issue) {
        return new Licence(
                issue,
                LicenceState.ACTIVE,
                1,
                0,
                issue.issuedAt(),
                issue.validUntil(),
                issue.officerConditions(),
                ItemLines.of(issue.content().lines()));
    }

    /** A licence as it was stored, at {@code version}, with its current terms. */
    public static Licence restore(
            Issue issue, LicenceState state, long version, Instant updatedAt, LicenceTerms terms) {
        return new Licence(
                issue,
                state,
                version,
                version,
                updatedAt,
                terms.validUntil(),
                terms.officerConditions(),
                new ItemLines(terms.lines()));
    }

    /** Whether its validity is over on {@code today}: the last valid day is {@link #validUntil()} itself. */
    public boolean expiredOn(LocalDate today) {
        return today.isAfter(validUntil);
    }

    /** The state as of {@code today}: a live licence past its validity is EXPIRED even before the job records it. */
    public LicenceState standing(LocalDate today) {
        return state.live() && expiredOn(today) ? LicenceState.EXPIRED : state;
    }

    /** Suspends it: shipments are refused until it is reinstated. */
    public void suspend(long expectedVersion, LocalDate today, Instant now) {
        requireVersion(expectedVersion);
        move(LicenceState.SUSPENDED, "suspend", today, now);
    }

    /** Lifts a suspension. */
    public void reinstate(long expectedVersion, LocalDate today, Instant now) {
        requireVersion(expectedVersion);
        if (state != LicenceState.SUSPENDED) {
            throw new LicenceTransitionException(number, state, "reinstate");
        }
        move(LicenceState.ACTIVE, "reinstate", today, now);
    }

    /** Revokes it; what was not shipped is to be released. */
    public void revoke(long expectedVersion, LocalDate today, Instant now) {
        requireVersion(expectedVersion);
        move(LicenceState.REVOKED, "revoke", today, now);
    }

    /** Records its expiry (the job: no version); refused unless it is live and {@code today} is past its validity. */
    public void expire(LocalDate today, Instant now) {
        if (!state.live()) {
            throw new LicenceTransitionException(number, state, "expire");
        }
        if (!expiredOn(today)) {
            throw new LicenceTransitionException(
                    "licence " + number + " is valid until " + validUntil + " inclusive; it cannot expire on " + today);
        }
        state = LicenceState.EXPIRED;
        changed(now);
    }

    /**
     * Amends it to a new version: new quantities for some lines (not below what each shipped), a new last valid day
     * (from today up to {@code validUntilMax}), new officer's conditions. Refused, naming the field, when it does not
     * fit the licence. The caller re-assesses the raised lines and moves the compute ({@link Amended}).
     */
    public Amended amend(
            long expectedVersion, Amendment amendment, LocalDate today, LocalDate validUntilMax, Instant now) {
        requireVersion(expectedVersion);
        requireUsable("amend", today);
        LicenceTerms before = terms();
        List<FieldProblem> problems = new ArrayList<>();
        ItemLines next = lines;
        List<Amended.Increase> increases = new ArrayList<>();
        long increasedTpp = 0;
        long decreasedTpp = 0;
        for (int i = 0; i < amendment.lines().size(); i++) {
            AmendedLine change = amendment.lines().get(i);
            if (change.line() > lines.lines().size()) {
                problems.add(new FieldProblem(
                        "lines[" + i + "].line",
                        "there is no line " + change.line() + "; licence " + number + " has lines 1.."
                                + lines.lines().size()));
                continue;
            }
            ItemLine line = lines.line(change.line());
            if (change.quantity() < line.shipped()) {
                problems.add(new FieldProblem(
                        "lines[" + i + "].quantity",
                        line.shipped() + " " + line.item() + " have already been shipped on line " + line.number()
                                + "; the quantity cannot go below that, got " + change.quantity()));
                continue;
            }
            long delta = change.quantity() - line.quantity();
            if (delta > 0) {
                increases.add(new Amended.Increase(line.number(), delta));
                increasedTpp = Math.addExact(increasedTpp, line.tppOf(delta));
            } else if (delta < 0) {
                decreasedTpp = Math.addExact(decreasedTpp, line.tppOf(-delta));
            }
            next = next.withQuantity(line.number(), change.quantity());
        }
        LocalDate newValidUntil = amendment.validUntil() == null ? validUntil : amendment.validUntil();
        if (amendment.validUntil() != null) {
            if (newValidUntil.isBefore(today)) {
                problems.add(
                        new FieldProblem("validUntil", "must be today (" + today + ") or later, got " + newValidUntil));
            } else if (newValidUntil.isAfter(validUntilMax)) {
                problems.add(new FieldProblem(
                        "validUntil",
                        "must be " + validUntilMax + " or earlier (the policy's validity from the issue on " + validFrom
                                + "), got " + newValidUntil));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String newConditions =
                amendment.officerConditions() == null ? officerConditions : amendment.officerConditions();
        LicenceTerms after = new LicenceTerms(state, newValidUntil, newConditions, next.lines());
        if (after.equals(before)) {
            throw InvalidInputException.of("", "the amendment changes nothing in licence " + number);
        }
        lines = next;
        validUntil = newValidUntil;
        officerConditions = newConditions;
        changed(now);
        return new Amended(before, terms(), increases, increasedTpp, decreasedTpp);
    }

    /**
     * Checks a shipment report against the licence on {@code today} and, when it fits, draws it down. Refused, with
     * every reason: when the licence is not active or past its validity (alone: nothing else matters then); when the
     * shipment date is in the future or outside the validity, an item is not on the licence, or a condition is not
     * met; when a quantity exceeds what remains.
     */
    public Drawn ship(ShipmentReport report, LocalDate today) {
        LicenceState standing = standing(today);
        if (standing != LicenceState.ACTIVE) {
            return new Drawn.Refused(List.of(new Refusal(Refusal.Kind.STATE, "", stateRefusal(standing))));
        }
        List<Refusal> refusals = new ArrayList<>();
        LocalDate shippedOn = report.shippedOn();
        if (shippedOn.isAfter(today)) {
            refusals.add(new Refusal(
                    Refusal.Kind.INPUT,
                    "shippedOn",
                    "is in the future (" + shippedOn + "); report a shipment once it has left"));
        } else if (shippedOn.isBefore(validFrom)) {
            refusals.add(new Refusal(
                    Refusal.Kind.INPUT,
                    "shippedOn",
                    shippedOn + " is before licence " + number + " was issued on " + validFrom));
        }
        refusals.addAll(ShipmentConditions.refusals(conditions, report));
        Drawn drawn = lines.draw(report.lines(), "licence " + number);
        if (drawn instanceof Drawn.Refused refused) {
            refusals.addAll(refused.refusals());
        }
        if (!refusals.isEmpty()) {
            return new Drawn.Refused(refusals);
        }
        Drawn.Accepted accepted = (Drawn.Accepted) drawn;
        lines = lines.after(accepted.drawdowns());
        return accepted;
    }

    private String stateRefusal(LicenceState standing) {
        return switch (standing) {
            case SUSPENDED -> "licence " + number + " is suspended: no shipment may be reported until it is reinstated";
            case REVOKED -> "licence " + number + " was revoked: no shipment may be reported against it";
            case EXPIRED ->
                "licence " + number + " expired: it was valid until " + validUntil
                        + " inclusive; no shipment may be reported against it";
            case ACTIVE -> throw new IllegalStateException("an active licence takes shipments");
        };
    }

    /** The terms as they are now (what a version keeps). */
    public LicenceTerms terms() {
        return new LicenceTerms(state, validUntil, officerConditions, lines.lines());
    }

    private void move(LicenceState target, String action, LocalDate today, Instant now) {
        requireUsable(action, today);
        if (!state.next().contains(target)) {
            throw new LicenceTransitionException(number, state, action);
        }
        state = target;
        changed(now);
    }

    /** Refuses a change of a licence that is final, or past its validity though the job has not recorded it yet. */
    private void requireUsable(String action, LocalDate today) {
        if (!state.live()) {
            throw new LicenceTransitionException(number, state, action);
        }
        if (expiredOn(today)) {
            throw new LicenceTransitionException("cannot " + action + " licence " + number
                    + ": it expired, valid until " + validUntil + " inclusive");
        }
    }

    private void requireVersion(long expectedVersion) {
        if (version != expectedVersion) {
            throw new ConflictException("licence " + number + " is no longer at version " + expectedVersion
                    + ": it was changed meanwhile; read it again and retry");
        }
    }

    private void changed(Instant now) {
        version++;
        updatedAt = now;
    }

    /** The fields set at issue, with the officer's conditions and the validity as they are now. */
    public Issue issued() {
        return new Issue(
                number,
                applicationId,
                holder,
                content,
                policy,
                tier,
                assessmentJson,
                applicantAssessmentJson,
                conditions,
                officerConditions,
                issuedBy,
                issuedAt,
                validFrom,
                validUntil);
    }

    public LicenceNumber number() {
        return number;
    }

    public ApplicationId applicationId() {
        return applicationId;
    }

    /** The organization that holds it: the applicant's. */
    public OrganizationId holder() {
        return holder;
    }

    /** The application as approved: parties, destination and deployment site, end use, lines. */
    public ApplicationContent content() {
        return content;
    }

    public PolicyRef policy() {
        return policy;
    }

    /** The tier it was assessed in, or null. */
    public Tier tier() {
        return tier;
    }

    /** The SPEC §4 assessment it came from, every figure shown (for the licensing authority). */
    public String assessmentJson() {
        return assessmentJson;
    }

    /** The same assessment as its holder may read it. */
    public String applicantAssessmentJson() {
        return applicantAssessmentJson;
    }

    public List<LicenceCondition> conditions() {
        return conditions;
    }

    /** Conditions the officer wrote in words, or null. */
    public String officerConditions() {
        return officerConditions;
    }

    public String issuedBy() {
        return issuedBy;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    /** The first valid day: the day of approval. */
    public LocalDate validFrom() {
        return validFrom;
    }

    /** The last valid day, inclusive. */
    public LocalDate validUntil() {
        return validUntil;
    }

    /** The recorded state (see {@link #standing} for the state as of a day). */
    public LicenceState state() {
        return state;
    }

    /** Increases with every change of terms or state; a client that read version N changes it only as N. */
    public long version() {
        return version;
    }

    /** The version it was read at, which a save expects to find (0 for a new licence). */
    public long storedVersion() {
        return storedVersion;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public ItemLines lines() {
        return lines;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Licence that && number.equals(that.number);
    }

    @Override
    public int hashCode() {
        return number.hashCode();
    }

    @Override
    public String toString() {
        return "Licence " + number + " (" + state + ", version " + version + ")";
    }
}
