package org.gatehouse.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.policy.PolicyRef;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.OrganizationId;

/**
 * A tier-1 exemption (SPEC §6.2): an application assessed EXEMPT opens no case; its compute stays RESERVED until the
 * exporter notifies its shipments (post-shipment notifications, several partial ones allowed) or the exemption lapses.
 *
 * <p>Its periods, fixed at registration from the policy it was assessed under: shipments may be made up to
 * {@link #shipBy()} ({@code exemptionLapseDays} after registration); each is to be notified within
 * {@code notificationDays} of leaving (a later notification is accepted and flagged late); and from
 * {@link #lapsesOn()} on — the day after the last on-time notification of a shipment on the last day — no notification
 * is taken and what was not notified is released. The aggregate owns these rules; it knows nothing of storage.
 */
public final class Exemption {

    /** Longest shipping period a policy may set (its schema's maximum), so the dates stay far from overflow. */
    public static final int LAPSE_DAYS_MAX = 3_650;

    /** Longest notification period a policy may set (its schema's maximum). */
    public static final int NOTIFICATION_DAYS_MAX = 365;

    /**
     * What registration fixed.
     *
     * @param registeredOn the day the application was submitted and assessed EXEMPT (UTC)
     * @param shipBy the last day a shipment under the exemption may leave
     * @param lapsesOn the first day on which the exemption is lapsed
     * @param notificationDays a shipment is to be notified within this many days of leaving
     */
    public record Registration(
            ApplicationId applicationId,
            OrganizationId holder,
            ApplicationContent content,
            PolicyRef policy,
            Tier tier,
            Instant registeredAt,
            LocalDate registeredOn,
            LocalDate shipBy,
            LocalDate lapsesOn,
            int notificationDays) {

        public Registration {
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(registeredAt, "registeredAt");
            Objects.requireNonNull(registeredOn, "registeredOn");
            Objects.requireNonNull(shipBy, "shipBy");
            Objects.requireNonNull(lapsesOn, "lapsesOn");
            if (notificationDays < 1 || notificationDays > NOTIFICATION_DAYS_MAX) {
                throw new IllegalArgumentException(
                        "notification days must be 1.." + NOTIFICATION_DAYS_MAX + ", got " + notificationDays);
            }
            if (shipBy.isBefore(registeredOn) || !lapsesOn.equals(lapseDay(shipBy, notificationDays))) {
                throw new IllegalArgumentException("the exemption's dates do not follow from its registration");
            }
        }
    }

    private final Registration registration;
    private final long storedVersion;

    private ExemptionState state;
    private long version;
    private Instant updatedAt;
    private ItemLines lines;
    private int lateNotifications;

    private Exemption(
            Registration registration,
            ExemptionState state,
            long version,
            long storedVersion,
            Instant updatedAt,
            ItemLines lines,
            int lateNotifications) {
        this.registration = Objects.requireNonNull(registration, "registration");
        this.state = Objects.requireNonNull(state, "state");
        this.version = version;
        this.storedVersion = storedVersion;
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.lines = Objects.requireNonNull(lines, "lines");
        if (lateNotifications < 0) {
            throw new IllegalArgumentException("late notifications cannot be negative, got " + lateNotifications);
        }
        this.lateNotifications = lateNotifications;
    }

    /**
     * The exemption of an application submitted at {@code submittedAt}, under a policy that lets exempt shipments
     * leave within {@code exemptionLapseDays} and wants each notified within {@code notificationDays}.
     */
    public static Exemption register(
            ApplicationId applicationId,
            OrganizationId holder,
            ApplicationContent content,
            PolicyRef policy,
            Tier tier,
            Instant submittedAt,
            int exemptionLapseDays,
            int notificationDays) {
        if (exemptionLapseDays < 1 || exemptionLapseDays > LAPSE_DAYS_MAX) {
            throw new IllegalArgumentException(
                    "exemption lapse days must be 1.." + LAPSE_DAYS_MAX + ", got " + exemptionLapseDays);
        }
        LocalDate registeredOn = LocalDate.ofInstant(submittedAt, ZoneOffset.UTC);
        LocalDate shipBy = registeredOn.plusDays(exemptionLapseDays);
        Registration registration = new Registration(
                applicationId,
                holder,
                content,
                policy,
                tier,
                submittedAt,
                registeredOn,
                shipBy,
                lapseDay(shipBy, notificationDays),
                notificationDays);
        return new Exemption(registration, ExemptionState.OPEN, 1, 0, submittedAt, ItemLines.of(content.lines()), 0);
    }

    /** An exemption as it was stored. */
    public static Exemption restore(
            Registration registration,
            ExemptionState state,
            long version,
            Instant updatedAt,
            ItemLines lines,
            int lateNotifications) {
        return new Exemption(registration, state, version, version, updatedAt, lines, lateNotifications);
    }

    /** The first lapsed day: after the notification period of a shipment made on the last shipping day. */
    static LocalDate lapseDay(LocalDate shipBy, int notificationDays) {
        return shipBy.plusDays(notificationDays + 1L);
    }

    /** The day by which a shipment that left on {@code shippedOn} is to be notified (inclusive). */
    public LocalDate dueOn(LocalDate shippedOn) {
        return shippedOn.plusDays(registration.notificationDays());
    }

    /** Whether a notification filed on {@code today} of a shipment that left on {@code shippedOn} is late. */
    public boolean isLate(LocalDate shippedOn, LocalDate today) {
        return today.isAfter(dueOn(shippedOn));
    }

    /** Whether it is lapsed on {@code today} (recorded or not). */
    public boolean lapsedOn(LocalDate today) {
        return !today.isBefore(registration.lapsesOn());
    }

    /** The state as of {@code today}: an open exemption past its period is LAPSED even before the job records it. */
    public ExemptionState standing(LocalDate today) {
        return state == ExemptionState.OPEN && lapsedOn(today) ? ExemptionState.LAPSED : state;
    }

    /**
     * Checks a post-shipment notification filed on {@code today} and, when it fits, draws it down (COMPLETED once
     * every unit is notified; a late one is counted, see {@link #isLate}). Refused, with every reason: when the exemption is not open or has lapsed (alone);
     * when the shipment date is in the future, before the registration or after the last shipping day, an item is
     * not exempted, or a quantity exceeds what remains.
     */
    public Drawn notifyShipment(NotificationReport report, LocalDate today, Instant now) {
        ExemptionState standing = standing(today);
        if (standing != ExemptionState.OPEN) {
            return new Drawn.Refused(List.of(new Refusal(Refusal.Kind.STATE, "", stateRefusal(standing))));
        }
        List<Refusal> refusals = new ArrayList<>();
        LocalDate shippedOn = report.shippedOn();
        if (shippedOn.isAfter(today)) {
            refusals.add(new Refusal(
                    Refusal.Kind.INPUT,
                    "shippedOn",
                    "is in the future (" + shippedOn + "); notify a shipment once it has left"));
        } else if (shippedOn.isBefore(registration.registeredOn())) {
            refusals.add(new Refusal(
                    Refusal.Kind.INPUT,
                    "shippedOn",
                    shippedOn + " is before the exemption was registered on " + registration.registeredOn()));
        } else if (shippedOn.isAfter(registration.shipBy())) {
            refusals.add(new Refusal(
                    Refusal.Kind.INPUT,
                    "shippedOn",
                    shippedOn + " is after " + registration.shipBy()
                            + ", the last day a shipment under this exemption could leave"));
        }
        Drawn drawn = lines.draw(report.lines(), "exemption " + registration.applicationId());
        if (drawn instanceof Drawn.Refused refused) {
            refusals.addAll(refused.refusals());
        }
        if (!refusals.isEmpty()) {
            return new Drawn.Refused(refusals);
        }
        Drawn.Accepted accepted = (Drawn.Accepted) drawn;
        lines = lines.after(accepted.drawdowns());
        if (isLate(shippedOn, today)) {
            lateNotifications++;
        }
        if (lines.fullyShipped()) {
            state = ExemptionState.COMPLETED;
        }
        changed(now);
        return accepted;
    }

    private String stateRefusal(ExemptionState standing) {
        return switch (standing) {
            case COMPLETED -> "every unit of exemption " + registration.applicationId() + " has been notified already";
            case LAPSED ->
                "exemption " + registration.applicationId() + " lapsed on " + registration.lapsesOn()
                        + ": shipments could leave until " + registration.shipBy()
                        + " and be notified until the day before it lapsed; what was not notified was released";
            case WITHDRAWN ->
                "the application of exemption " + registration.applicationId() + " was withdrawn: nothing more"
                        + " may be notified";
            case OPEN -> throw new IllegalStateException("an open exemption takes notifications");
        };
    }

    /** Records that it lapsed (the job): refused unless it is open and {@code today} is on or after its lapse day. */
    public void lapse(LocalDate today, Instant now) {
        if (state != ExemptionState.OPEN) {
            throw new ConflictException(
                    "cannot lapse exemption " + registration.applicationId() + " in state " + state);
        }
        if (!lapsedOn(today)) {
            throw new ConflictException("exemption " + registration.applicationId() + " lapses on "
                    + registration.lapsesOn() + ", not on " + today);
        }
        state = ExemptionState.LAPSED;
        changed(now);
    }

    /** Records that its application was withdrawn; false (nothing changed) when it was already final. */
    public boolean withdraw(Instant now) {
        if (!state.next().contains(ExemptionState.WITHDRAWN)) {
            return false;
        }
        state = ExemptionState.WITHDRAWN;
        changed(now);
        return true;
    }

    private void changed(Instant now) {
        version++;
        updatedAt = now;
    }

    public Registration registration() {
        return registration;
    }

    public ApplicationId applicationId() {
        return registration.applicationId();
    }

    public OrganizationId holder() {
        return registration.holder();
    }

    public LocalDate shipBy() {
        return registration.shipBy();
    }

    public LocalDate lapsesOn() {
        return registration.lapsesOn();
    }

    /** The recorded state (see {@link #standing} for the state as of a day). */
    public ExemptionState state() {
        return state;
    }

    public long version() {
        return version;
    }

    /** The version it was read at, which a save expects to find (0 for a new exemption). */
    public long storedVersion() {
        return storedVersion;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public ItemLines lines() {
        return lines;
    }

    /** How many of its notifications came after they were due. */
    public int lateNotifications() {
        return lateNotifications;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Exemption that && applicationId().equals(that.applicationId());
    }

    @Override
    public int hashCode() {
        return applicationId().hashCode();
    }

    @Override
    public String toString() {
        return "Exemption " + applicationId() + " (" + state + ", version " + version + ")";
    }
}
