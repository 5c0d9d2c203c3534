package org.gatehouse.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;

/**
 * What is assessed: a deal — an application for an export licence, or one row of a deal file (a deal with one line).
 *
 * @param endUserParent the ultimate parent, equal to the end user when none was given
 * @param screeningHit whether a party matched a restricted-party list and the hit is not cleared
 */
public record Deal(
        String id,
        LocalDate date,
        String exporter,
        CompanyName endUser,
        CompanyName endUserParent,
        CountryCode destination,
        List<Line> lines,
        boolean screeningHit) {

    /** Most line items in one deal (SPEC §2.3). */
    public static final int LINES_MAX = 1_000;
    /** Longest id accepted. */
    public static final int ID_CHARS_MAX = 100;

    public Deal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(endUser, "endUser");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(lines, "lines");
        if (id.length() > ID_CHARS_MAX) {
            throw new IllegalArgumentException("id: longer than " + ID_CHARS_MAX + " characters");
        }
        if (lines.isEmpty() || lines.size() > LINES_MAX) {
            throw new IllegalArgumentException("lines: must hold 1.." + LINES_MAX + " items, got " + lines.size());
        }
        lines = List.copyOf(lines);
        if (endUserParent == null) {
            endUserParent = endUser;
        }
    }
}
