package org.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.SeededCases.between;
import static org.gatehouse.SeededCases.check;
import static org.gatehouse.SeededCases.oneOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.gatehouse.SeededCases;
import org.gatehouse.trade.Gb300e;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the assessor that must hold for every deal and every shipped policy, each checked on seeded random
 * cases (see {@link SeededCases}: a failure names its seed and the case).
 */
class AssessorProperties {

    private static final List<String> ITEMS =
            List.of("GB300", "B200", "H100", "H200", "H20", "MI355X", "MI325X", "A100", "GB300 NVL72", "HGX H100");
    private static final List<String> COUNTRIES =
            List.of("US", "DE", "FR", "IN", "IL", "GB", "SA", "AE", "CN", "MO", "RU", "IR", "CU", "BR", "VN");
    private static final List<String> POLICIES =
            List.of("us-global-2026-draft", "us-global-2026-draft-alt", "us-2025-current", "us-2025-ai-diffusion");

    static Stream<Long> seeds300() {
        return SeededCases.seeds(300);
    }

    static Stream<Long> seeds200() {
        return SeededCases.seeds(200);
    }

    static Stream<Long> seeds100() {
        return SeededCases.seeds(100);
    }

    static Deal aRandomDeal(Random random) {
        return Deals.aDeal(
                "deal-" + between(random, 0, 1_000_000),
                oneOf(random, ITEMS),
                between(random, 1L, 300_000L),
                oneOf(random, COUNTRIES),
                oneOf(random, List.of("Acme", "Globex", "Initech")),
                LocalDate.of(2025, 1, 1).plusDays(between(random, 0, 700)));
    }

    static List<Deal> aRandomDealList(Random random) {
        int size = between(random, 1, 30);
        List<Deal> deals = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            deals.add(aRandomDeal(random));
        }
        return deals;
    }

    static Policy aRandomPolicy(Random random) {
        return Deals.policy(oneOf(random, POLICIES));
    }

    private static int tierRank(Assessment a) {
        Tally primary = a.facts().primary();
        return primary == null ? -1 : primary.ladder().bands().indexOf(primary.band());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds300")
    void addingUnitsNeverLowersTheTier(long seed) {
        Random random = new Random(seed);
        Deal deal = aRandomDeal(random);
        long more = between(random, 1L, 500_000L);
        Policy policy = aRandomPolicy(random);
        check(seed, deal + " + " + more + " units under " + policy.id(), () -> {
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
            assertThat(large.outcome())
                    .isEqualTo(small.outcome() == Outcome.EXEMPT ? large.outcome() : small.outcome());
            assertThat(tierRank(large)).isGreaterThanOrEqualTo(tierRank(small));
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void resultsAreDeterministic(long seed) {
        Random random = new Random(seed);
        Deal deal = aRandomDeal(random);
        Policy policy = aRandomPolicy(random);
        check(seed, deal + " under " + policy.id(), () -> {
            String first = AssessmentJson.toJson(Assessor.assess(deal, policy, LedgerView.EMPTY, deal.date()));
            String second = AssessmentJson.toJson(Assessor.assess(deal, policy, LedgerView.EMPTY, deal.date()));
            assertThat(second).isEqualTo(first);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds100")
    void rowOrderDoesNotMatterWhenIndependent(long seed) {
        Random random = new Random(seed);
        List<Deal> deals = aRandomDealList(random);
        Policy policy = aRandomPolicy(random);
        int shuffleSeed = between(random, 0, 1000);
        check(seed, deals + " under " + policy.id() + ", shuffled with " + shuffleSeed, () -> {
            List<Deal> shuffled = new ArrayList<>(deals);
            Collections.shuffle(shuffled, new Random(shuffleSeed));
            assertThat(independently(shuffled, policy)).isEqualTo(independently(deals, policy));
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds100")
    void rowGb300eAddUpToTheTotal(long seed) {
        Random random = new Random(seed);
        List<Deal> deals = aRandomDealList(random);
        Policy policy = aRandomPolicy(random);
        check(seed, deals + " under " + policy.id(), () -> {
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
        });
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
