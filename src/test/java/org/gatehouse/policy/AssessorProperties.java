package org.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.gatehouse.catalog.Gb300e;

/** Properties of the assessor that must hold for every deal and every shipped policy. */
class AssessorProperties {

    private static final List<String> ITEMS =
            List.of("GB300", "B200", "H100", "H200", "H20", "MI355X", "MI325X", "A100", "GB300 NVL72", "HGX H100");
    private static final List<String> COUNTRIES =
            List.of("US", "DE", "FR", "IN", "IL", "GB", "SA", "AE", "CN", "MO", "RU", "IR", "CU", "BR", "VN");
    private static final List<String> POLICIES =
            List.of("us-global-2026-draft", "us-global-2026-draft-alt", "us-2025-current", "us-2025-ai-diffusion");

    @Provide
    Arbitrary<Deal> deals() {
        return Combinators.combine(
                        Arbitraries.of(ITEMS),
                        Arbitraries.longs().between(1, 300_000),
                        Arbitraries.of(COUNTRIES),
                        Arbitraries.of("Acme", "Globex", "Initech"),
                        Arbitraries.integers().between(0, 700),
                        Arbitraries.integers().between(0, 1_000_000))
                .as((item, units, country, parent, day, id) -> Deals.aDeal(
                        "deal-" + id,
                        item,
                        units,
                        country,
                        parent,
                        LocalDate.of(2025, 1, 1).plusDays(day)));
    }

    @Provide
    Arbitrary<Policy> policies() {
        return Arbitraries.of(POLICIES).map(Deals::policy);
    }

    private static int tierRank(Assessment a) {
        Tally primary = a.facts().primary();
        return primary == null ? -1 : primary.ladder().bands().indexOf(primary.band());
    }

    @Property(tries = 300)
    void addingUnitsNeverLowersTheTier(
            @ForAll("deals") Deal deal,
            @ForAll @LongRange(min = 1, max = 500_000) long more,
            @ForAll("policies") Policy policy) {
        Line line = deal.lines().getFirst();
        Deal bigger = new Deal(
                deal.id(),
                deal.date(),
                deal.exporter(),
                deal.endUser(),
                deal.endUserParent(),
                deal.destination(),
                List.of(new Line(line.item(), Math.min(Line.QUANTITY_MAX, line.quantity() + more))),
                false);
        Assessment small = Assessor.assess(deal, policy, LedgerView.EMPTY, deal.date());
        Assessment large = Assessor.assess(bigger, policy, LedgerView.EMPTY, deal.date());
        assertThat(large.outcome()).isEqualTo(small.outcome() == Outcome.EXEMPT ? large.outcome() : small.outcome());
        assertThat(tierRank(large)).isGreaterThanOrEqualTo(tierRank(small));
    }

    @Property(tries = 200)
    void resultsAreDeterministic(@ForAll("deals") Deal deal, @ForAll("policies") Policy policy) {
        String first = AssessmentJson.toJson(Assessor.assess(deal, policy, LedgerView.EMPTY, deal.date()));
        String second = AssessmentJson.toJson(Assessor.assess(deal, policy, LedgerView.EMPTY, deal.date()));
        assertThat(second).isEqualTo(first);
    }

    @Property(tries = 100)
    void rowOrderDoesNotMatterWhenIndependent(
            @ForAll("dealLists") List<Deal> deals,
            @ForAll("policies") Policy policy,
            @ForAll @IntRange(min = 0, max = 1000) int seed) {
        List<Deal> shuffled = new ArrayList<>(deals);
        Collections.shuffle(shuffled, new java.util.Random(seed));
        assertThat(independently(shuffled, policy)).isEqualTo(independently(deals, policy));
    }

    @Property(tries = 100)
    void rowGb300eAddUpToTheTotal(@ForAll("dealLists") List<Deal> deals, @ForAll("policies") Policy policy) {
        InMemoryLedger ledger = new InMemoryLedger();
        long sum = 0;
        Map<String, Long> byKey = new HashMap<>();
        for (Deal deal : deals) {
            Assessment a = Assessor.assess(deal, policy, ledger, deal.date());
            ledger.record(a);
            sum += a.facts().controlledTpp();
            byKey.merge(
                    deal.endUserParent().key() + "/" + deal.destination(),
                    a.facts().controlledTpp(),
                    Long::sum);
        }
        long expected = deals.stream()
                .mapToLong(d -> d.lines().stream()
                        .filter(l -> l.item().controlled())
                        .mapToLong(Line::tpp)
                        .sum())
                .sum();
        assertThat(sum).isEqualTo(expected);
        assertThat(Gb300e.format(sum, policy.referenceTpp()))
                .isEqualTo(Gb300e.of(expected, policy.referenceTpp()).toPlainString());
        assertThat(byKey.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<Deal>> dealLists() {
        return deals().list().ofMinSize(1).ofMaxSize(30);
    }

    private static Map<String, String> independently(List<Deal> deals, Policy policy) {
        Map<String, String> results = new HashMap<>();
        for (int i = 0; i < deals.size(); i++) {
            Deal d = deals.get(i);
            results.merge(
                    d.id(),
                    AssessmentJson.toJson(Assessor.assess(d, policy, LedgerView.EMPTY, d.date())),
                    (a, b) -> a + "|" + b);
        }
        Map<String, String> sorted = new java.util.TreeMap<>();
        results.forEach((k, v) -> {
            String[] parts = v.split("\\|");
            java.util.Arrays.sort(parts);
            sorted.put(k, String.join("|", parts));
        });
        return sorted;
    }
}
