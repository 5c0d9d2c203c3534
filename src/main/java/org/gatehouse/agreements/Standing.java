package org.gatehouse.agreements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gatehouse.trade.Usd;

/**
 * Whether an agreement is in good standing on a day (SPEC §7): in force, no security commitment BREACHED, and every
 * tranche due on or before that day realized in full. Each way it falls short is listed, with the dollars missing and
 * the tranche they belong to.
 *
 * @param notInForce why it is not in force on that day (empty when it is)
 * @param shortfalls the tranches due by that day and not realized in full
 * @param pledgeShortfall how much the pledge falls short of ratio × home investment, or null
 * @param commitments how many security commitments it records
 */
public record Standing(
        LocalDate on,
        List<String> notInForce,
        List<SecurityCommitment> breached,
        List<Shortfall> shortfalls,
        Usd pledgeShortfall,
        int commitments) {

    /** A tranche due by the day, short of its amount. */
    public record Shortfall(int tranche, LocalDate dueOn, Usd amount, Usd realized, Usd missing) {

        /** In words, with the dollars missing and the tranche they belong to. */
        public String describe() {
            return "tranche " + tranche + " due " + dueOn + " (" + amount.display() + ") is realized "
                    + realized.display() + ": " + missing.display() + " short";
        }
    }

    public Standing {
        Objects.requireNonNull(on, "on");
        notInForce = List.copyOf(notInForce);
        breached = List.copyOf(breached);
        shortfalls = List.copyOf(shortfalls);
    }

    public boolean inForce() {
        return notInForce.isEmpty();
    }

    /** In good standing: in force, nothing breached, nothing due unrealized. */
    public boolean good() {
        return inForce() && breached.isEmpty() && shortfalls.isEmpty();
    }

    /** Everything that keeps it out of good standing, in words (empty when it is in good standing). */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>(notInForce);
        for (SecurityCommitment c : breached) {
            reasons.add(breach(c));
        }
        for (Shortfall s : shortfalls) {
            reasons.add(s.describe());
        }
        return reasons;
    }

    static String breach(SecurityCommitment c) {
        return "security commitment " + c.number() + " ('" + shortened(c.text()) + "') is BREACHED"
                + (c.note() == null ? "" : ": " + c.note());
    }

    private static String shortened(String text) {
        return text.length() > 120 ? text.substring(0, 119) + "…" : text;
    }
}
