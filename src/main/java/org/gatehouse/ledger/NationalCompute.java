package org.gatehouse.ledger;

import java.util.List;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national compute totals (SPEC §5) as people read them: per country, and the companies holding the most in a
 * country. Only the licensing authority, the reviewing agencies and auditors may read them: the totals are built
 * from every organization's filings.
 */
@Service
public class NationalCompute {

    /** Companies listed per country when the caller does not say. */
    public static final int TOP_COMPANIES_DEFAULT = 10;

    private final LedgerRecords records;

    NationalCompute(LedgerRecords records) {
        this.records = records;
    }

    /** One country's totals and its largest holders. */
    public record CountryView(CountryTotals totals, List<CountryTotals> topCompanies) {}

    /** Totals per country, largest first. */
    @Transactional(readOnly = true)
    public List<CountryTotals> countries(CurrentUser caller) {
        requireAuthority(caller);
        return records.countries();
    }

    /** One country's totals (zero when nothing was ever recorded there) and its {@code top} largest holders. */
    @Transactional(readOnly = true)
    public CountryView country(CurrentUser caller, CountryCode destination, int top) {
        requireAuthority(caller);
        if (top < 1 || top > Ledger.TOP_COMPANIES_MAX) {
            throw InvalidInputException.of("limit", "must be 1.." + Ledger.TOP_COMPANIES_MAX + ", got " + top);
        }
        return new CountryView(
                records.country(destination).orElse(CountryTotals.none(destination.value())),
                records.topCompanies(destination, top));
    }

    private static void requireAuthority(CurrentUser caller) {
        caller.require(Role.OFFICER, Role.AGENCY, Role.AUDITOR);
    }
}
