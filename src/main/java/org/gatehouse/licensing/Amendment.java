package org.gatehouse.licensing;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Text;

/**
 * What an officer changes in a licence: authorized quantities of some lines, the last valid day, the officer's own
 * conditions (each left as it is when absent), and why. Checks its own fields; what depends on the licence (a line
 * that exists, a quantity not below what was shipped) is checked by {@link Licence#amend}.
 */
public record Amendment(List<AmendedLine> lines, LocalDate validUntil, String officerConditions, String reason) {

    public static final int OFFICER_CONDITIONS_CHARS_MAX = 4_000;
    public static final int REASON_CHARS_MAX = 2_000;

    public Amendment(List<AmendedLine> lines, LocalDate validUntil, String officerConditions, String reason) {
        InputCheck check = new InputCheck();
        List<AmendedLine> checked = check.field("lines", () -> bounded(lines));
        this.lines = checked == null ? List.of() : checked;
        this.validUntil = validUntil;
        this.officerConditions =
                check.field("officerConditions", () -> Text.optional(officerConditions, OFFICER_CONDITIONS_CHARS_MAX));
        this.reason = check.field("reason", () -> Text.required(reason, REASON_CHARS_MAX));
        if (check.valid() && this.lines.isEmpty() && validUntil == null && this.officerConditions == null) {
            check.reject("", "an amendment changes lines, validUntil or officerConditions; this one changes nothing");
        }
        check.throwIfInvalid();
    }

    /** The rule on the number of amended lines, as a client is told it (the binder applies it first). */
    public static void requireSize(int size) {
        if (size > ItemLines.LINES_MAX) {
            throw new IllegalArgumentException("must hold at most " + ItemLines.LINES_MAX + " entries, got " + size);
        }
    }

    private static List<AmendedLine> bounded(List<AmendedLine> lines) {
        List<AmendedLine> list = lines == null ? List.of() : lines;
        requireSize(list.size());
        Set<Integer> seen = new HashSet<>();
        for (AmendedLine line : list) {
            Objects.requireNonNull(line, "a line");
            if (!seen.add(line.line())) {
                throw new IllegalArgumentException("names line " + line.line() + " more than once");
            }
        }
        return List.copyOf(list);
    }
}
