package org.gatehouse.policy;

import org.gatehouse.trade.CountryCode;

/**
 * The key one measure total is kept under (SPEC §3.2): the policy's measure, and those of (ultimate parent, end user,
 * destination, calendar year) the measure is keyed by; the others are {@code null} or 0.
 */
public record MeasureKey(int measure, String endUserParent, String endUser, CountryCode destination, int year) {

    /** The key of {@code measure} for a deal dated {@code date}. */
    public static MeasureKey of(Policy.Measure measure, Deal deal, java.time.LocalDate date) {
        return new MeasureKey(
                measure.index(),
                measure.keyedBy(Policy.KeyPart.END_USER_PARENT)
                        ? deal.endUserParent().key()
                        : null,
                measure.keyedBy(Policy.KeyPart.END_USER) ? deal.endUser().key() : null,
                measure.keyedBy(Policy.KeyPart.DESTINATION) ? deal.destination() : null,
                measure.window() == Policy.Window.CALENDAR_YEAR ? date.getYear() : 0);
    }
}
