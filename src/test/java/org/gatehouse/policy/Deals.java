package org.gatehouse.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.catalog.Catalog;
import org.gatehouse.catalog.Item;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;

/** Fixture factories for applications and policies used across the tests. */
public final class Deals {

    /** A date when every draft rule and the China overlay are in force. */
    public static final LocalDate IN_2026 = LocalDate.of(2026, 3, 1);

    private Deals() {}

    public static Policy defaultPolicy() {
        return Policies.builtIn().defaultPolicy();
    }

    public static Policy policy(String id) {
        return Policies.builtIn().find(id).orElseThrow();
    }

    /** {@code units} GB300 to a company in Germany (general class). */
    public static Deal aGb300Deal(long units) {
        return aDeal("GB300", units, "DE");
    }

    public static Deal aDeal(String item, long units, String destination) {
        return aDeal("deal", item, units, destination, "Acme Cloud", IN_2026);
    }

    public static Deal aDeal(String id, String item, long units, String destination, String parent, LocalDate date) {
        return anApplication(
                id,
                parent,
                parent,
                destination,
                date,
                new Line(Catalog.builtIn().item(item), units));
    }

    public static Deal anApplication(
            String id, String endUser, String parent, String destination, LocalDate date, Line... lines) {
        return new Deal(
                id,
                date,
                "NVIDIA",
                CompanyName.of(endUser),
                CompanyName.of(parent),
                CountryCode.of(destination),
                List.of(lines),
                false);
    }

    public static Line aLine(String item, long units) {
        return new Line(Catalog.builtIn().item(item), units);
    }

    public static Item aCustomChip(long tpp, String pd, long bandwidthGbs) {
        return Catalog.customItem("Custom-" + tpp, tpp, new BigDecimal(pd), bandwidthGbs);
    }

    public static Deal withScreeningHit(Deal a) {
        return new Deal(
                a.id(), a.date(), a.exporter(), a.endUser(), a.endUserParent(), a.destination(), a.lines(), true);
    }

    public static Assessment assess(Deal application) {
        return Assessor.assess(application, defaultPolicy(), LedgerView.EMPTY, application.date());
    }

    public static Assessment assess(Deal application, Policy policy) {
        return Assessor.assess(application, policy, LedgerView.EMPTY, application.date());
    }

    /** Assesses the applications in order, each seeing the earlier ones as pending; returns the last assessment. */
    public static Assessment assessInOrder(Policy policy, Deal... applications) {
        InMemoryLedger ledger = new InMemoryLedger();
        Assessment last = null;
        for (Deal a : applications) {
            last = Assessor.assess(a, policy, ledger, a.date());
            ledger.record(last);
        }
        return last;
    }
}
