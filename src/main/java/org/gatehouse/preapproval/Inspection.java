package org.gatehouse.preapproval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.Text;

/**
 * An on-site inspection of one site of a granted pre-approval (SPEC §7): scheduled for a day and assigned to an
 * inspector, then performed and recorded by that inspector with its outcome, findings and the SHA-256 of the report.
 * FINDINGS carry a due date for remediation; what FAILED does to the pre-approval and the buyer's cases is the
 * service's to coordinate.
 */
public final class Inspection {

    private final InspectionId id;
    private final PreApprovalId preApprovalId;
    private final Site site;
    private final LocalDate scheduledFor;
    private final String inspector;
    private final String scheduledBy;
    private final Instant scheduledAt;
    private final long storedVersion;

    private long version;
    private InspectionState state;
    private Result result;

    /**
     * What the inspector recorded.
     *
     * @param remediationDueOn the day shortcomings are to be remedied by (FINDINGS only), else null
     */
    public record Result(
            LocalDate performedOn,
            InspectionOutcome outcome,
            String findings,
            String reportSha256,
            LocalDate remediationDueOn,
            String recordedBy,
            Instant recordedAt) {

        private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

        /** Checks the fields an inspector sends, naming each one refused. */
        public static Result of(
                LocalDate performedOn,
                InspectionOutcome outcome,
                String findings,
                String reportSha256,
                LocalDate remediationDueOn,
                LocalDate today,
                String by,
                Instant now) {
            InputCheck check = new InputCheck();
            if (performedOn == null) {
                check.reject("performedOn", "is required (yyyy-mm-dd)");
            } else if (performedOn.isAfter(today)) {
                check.reject("performedOn", "must not be after today " + today + ", got " + performedOn);
            }
            if (outcome == null) {
                check.reject("outcome", "is required: one of " + java.util.List.of(InspectionOutcome.values()));
            }
            String text = check.field("findings", () -> Text.optional(findings, PreApproval.TEXT_CHARS_MAX));
            if (text == null && outcome != null && outcome != InspectionOutcome.SATISFACTORY && check.valid()) {
                check.reject("findings", "are required when the outcome is " + outcome);
            }
            if (reportSha256 == null || !SHA256.matcher(reportSha256).matches()) {
                check.reject("reportSha256", "must be 64 lower-case hex digits (the SHA-256 of the report)");
            }
            if (outcome == InspectionOutcome.FINDINGS) {
                if (remediationDueOn == null) {
                    check.reject("remediationDueOn", "is required when the outcome is FINDINGS (yyyy-mm-dd)");
                } else if (performedOn != null && !remediationDueOn.isAfter(performedOn)) {
                    check.reject(
                            "remediationDueOn",
                            "must be after the inspection on " + performedOn + ", got " + remediationDueOn);
                }
            } else if (remediationDueOn != null && outcome != null) {
                check.reject("remediationDueOn", "is only for FINDINGS, not " + outcome);
            }
            check.throwIfInvalid();
            return new Result(performedOn, outcome, text, reportSha256, remediationDueOn, by, now);
        }

        public Result {
            Objects.requireNonNull(performedOn, "performedOn");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reportSha256, "reportSha256");
            Objects.requireNonNull(recordedBy, "recordedBy");
            Objects.requireNonNull(recordedAt, "recordedAt");
        }
    }

    private Inspection(
            InspectionId id,
            PreApprovalId preApprovalId,
            Site site,
            LocalDate scheduledFor,
            String inspector,
            String scheduledBy,
            Instant scheduledAt,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.preApprovalId = Objects.requireNonNull(preApprovalId, "preApprovalId");
        this.site = Objects.requireNonNull(site, "site");
        this.scheduledFor = Objects.requireNonNull(scheduledFor, "scheduledFor");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.scheduledBy = Objects.requireNonNull(scheduledBy, "scheduledBy");
        this.scheduledAt = Objects.requireNonNull(scheduledAt, "scheduledAt");
        this.version = version;
        this.storedVersion = version;
    }

    /**
     * Schedules an inspection of {@code site} of {@code preApproval} for a day from {@code today} on; the
     * pre-approval must have been granted and not have ended (a suspended one may be inspected again).
     */
    public static Inspection schedule(
            InspectionId id,
            PreApproval preApproval,
            Site site,
            LocalDate scheduledFor,
            String inspector,
            LocalDate today,
            String by,
            Instant now) {
        if (!preApproval.standing(today).live()) {
            throw new ConflictException("cannot schedule an inspection for a pre-approval in state "
                    + preApproval.standing(today) + ": only a granted, reinstated or suspended one is inspected");
        }
        if (scheduledFor.isBefore(today)) {
            throw InvalidInputException.of(
                    "scheduledFor", "must not be before today " + today + ", got " + scheduledFor);
        }
        Inspection scheduled = new Inspection(id, preApproval.id(), site, scheduledFor, inspector, by, now, 0);
        scheduled.state = InspectionState.SCHEDULED;
        scheduled.version = 1;
        return scheduled;
    }

    /** An inspection as stored. */
    public static Inspection restore(
            InspectionId id,
            PreApprovalId preApprovalId,
            Site site,
            LocalDate scheduledFor,
            String inspector,
            String scheduledBy,
            Instant scheduledAt,
            long version,
            InspectionState state,
            Result result) {
        Inspection restored =
                new Inspection(id, preApprovalId, site, scheduledFor, inspector, scheduledBy, scheduledAt, version);
        restored.state = Objects.requireNonNull(state, "state");
        if ((state == InspectionState.RECORDED) != (result != null)) {
            throw new IllegalArgumentException("a recorded inspection has its result, a scheduled one none");
        }
        restored.result = result;
        return restored;
    }

    /** The inspector records what the inspection found, once. */
    public void record(Result recorded, long expectedVersion) {
        if (version != expectedVersion) {
            throw new ConflictException("inspection " + id + " is no longer at version " + expectedVersion
                    + ": it was changed meanwhile; read it again and retry");
        }
        if (state != InspectionState.SCHEDULED) {
            throw new ConflictException("cannot record inspection " + id + ": it is " + state + " already ("
                    + result.outcome() + " on " + result.performedOn() + ")");
        }
        result = Objects.requireNonNull(recorded, "recorded");
        state = InspectionState.RECORDED;
        version++;
    }

    /** Whether remediation of its findings is overdue on {@code today}. */
    public boolean remediationOverdue(LocalDate today) {
        return result != null && result.remediationDueOn() != null && today.isAfter(result.remediationDueOn());
    }

    public InspectionId id() {
        return id;
    }

    public PreApprovalId preApprovalId() {
        return preApprovalId;
    }

    public Site site() {
        return site;
    }

    public LocalDate scheduledFor() {
        return scheduledFor;
    }

    /** The username of the inspector it is assigned to. */
    public String inspector() {
        return inspector;
    }

    public String scheduledBy() {
        return scheduledBy;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public long version() {
        return version;
    }

    public long storedVersion() {
        return storedVersion;
    }

    public InspectionState state() {
        return state;
    }

    /** What was recorded, or null while scheduled. */
    public Result result() {
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Inspection that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Inspection " + id + " (" + state + ", version " + version + ")";
    }
}
