package org.gatehouse.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gatehouse.IntegrationTest;
import org.gatehouse.catalog.Catalog;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.Assessor;
import org.gatehouse.policy.Deal;
import org.gatehouse.policy.LedgerView;
import org.gatehouse.policy.Line;
import org.gatehouse.policy.MeasureKey;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.Policies;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.Tally;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.Tpp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class LedgerIntegrationTests {

    private static final LocalDate DATE = LocalDate.of(2026, 6, 1);
    private static final long GB300_TPP = 60_000;
    private static final Policy POLICY = Policies.builtIn().defaultPolicy();

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerRecords records;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void movementsMoveComputeBetweenBucketsAndExplainEveryTotal() {
        String parent = uniqueCompany();
        ApplicationId id = ApplicationId.random();

        inTransaction(() ->
                ledger.reserve(aPosition(id, parent, "AE"), Tpp.of(1_000 * GB300_TPP), "application.submitted", "t"));
        inTransaction(() -> ledger.authorize(id, Tpp.of(1_000 * GB300_TPP), "application.approved", "t"));
        inTransaction(
                () -> ledger.ship(id, LedgerBucket.AUTHORIZED, Tpp.of(400 * GB300_TPP), "shipment.reported", "t"));
        List<Movement> released = inTransaction(() -> ledger.releaseUnshipped(id, "licence.expired", "t"));

        assertThat(released).singleElement().satisfies(m -> {
            assertThat(m.from()).isEqualTo(LedgerBucket.AUTHORIZED);
            assertThat(m.tpp()).isEqualTo(Tpp.of(600 * GB300_TPP));
        });
        assertThat(ledger.movements(id))
                .extracting(Movement::kind)
                .containsExactly(
                        Movement.Kind.RESERVE, Movement.Kind.AUTHORIZE, Movement.Kind.SHIP, Movement.Kind.RELEASE);
        assertThat(companyTotals(parent, "AE")).isEqualTo(new CountryTotals("AE", parent, 0, 0, 400 * GB300_TPP));
        assertBucketsEqualTheirMovements();
    }

    @Test
    void aMovementThatWouldMakeABucketNegativeChangesNothing() {
        String parent = uniqueCompany();
        ApplicationId id = ApplicationId.random();
        inTransaction(() ->
                ledger.reserve(aPosition(id, parent, "SA"), Tpp.of(10 * GB300_TPP), "application.submitted", "t"));
        long movementsBefore = movementCount();

        assertThatThrownBy(() ->
                        inTransaction(() -> ledger.authorize(id, Tpp.of(11 * GB300_TPP), "application.approved", "t")))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("it holds " + 10 * GB300_TPP);
        assertThatThrownBy(() -> inTransaction(
                        () -> ledger.reserve(aPosition(id, parent, "SA"), Tpp.of(1), "application.submitted", "t")))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("already holds compute");

        assertThat(movementCount()).isEqualTo(movementsBefore);
        assertThat(companyTotals(parent, "SA")).isEqualTo(new CountryTotals("SA", parent, 10 * GB300_TPP, 0, 0));
    }

    @Test
    void theAssessorSeesWhatTheSameCompanyAlreadyHoldsInThatCountryOnly() {
        String parent = uniqueCompany();
        inTransaction(() -> ledger.reserve(
                aPosition(ApplicationId.random(), parent, "SA"),
                Tpp.of(900 * GB300_TPP),
                "application.submitted",
                "t"));
        inTransaction(() -> ledger.reserve(
                aPosition(ApplicationId.random(), parent, "AE"),
                Tpp.of(5_000 * GB300_TPP),
                "application.submitted",
                "t"));

        Assessment second = inTransaction(() -> {
            Deal deal = aDeal(parent, "SA", 200);
            return Assessor.assess(deal, POLICY, ledger.lockFor(deal, POLICY, DATE), DATE);
        });

        assertThat(second.facts().primary().beforeTpp()).isEqualTo(900 * GB300_TPP);
        assertThat(second.facts().primary().afterTpp()).isEqualTo(1_100 * GB300_TPP);
        assertThat(second)
                .isInstanceOfSatisfying(
                        Assessment.LicenseRequired.class,
                        licence -> assertThat(licence.tier()).isEqualTo("T2"));
    }

    @Test
    void aMeasureCountingOnlySomeTiersSeesOnlyThePositionsAssessedInThem() {
        // Under the AI diffusion rule only exports exempted in tier LPP use up an end user's yearly LPP allowance
        // (26,900,000 TPP): not a licence, not an exemption to a tier-1 country.
        Policy diffusion = Policies.builtIn().find("us-2025-ai-diffusion").orElseThrow();
        LocalDate in2025 = LocalDate.of(2025, 3, 1);
        String customer = uniqueCompany();
        inTransaction(() -> ledger.reserve(
                aPosition(customer, "BR", in2025, Outcome.LICENSE_REQUIRED, "LICENCE"),
                Tpp.of(1_000 * GB300_TPP),
                "application.submitted",
                "t"));
        inTransaction(() -> ledger.reserve(
                aPosition(customer, "GB", in2025, Outcome.EXEMPT, "T1"),
                Tpp.of(5_000 * GB300_TPP),
                "application.submitted",
                "t"));
        inTransaction(() -> ledger.reserve(
                aPosition(customer, "BR", in2025, Outcome.EXEMPT, "LPP"),
                Tpp.of(200 * GB300_TPP),
                "application.submitted",
                "t"));

        Deal next = aDeal(customer, "BR", 200, in2025);
        Assessment assessment =
                inTransaction(() -> Assessor.assess(next, diffusion, ledger.lockFor(next, diffusion, in2025), in2025));

        Tally lpp = assessment.facts().primary();
        assertThat(lpp.ladder().measure().tiers()).containsExactly("LPP");
        assertThat(lpp.beforeTpp()).isEqualTo(200 * GB300_TPP);
        assertThat(records.countedTpp(lpp.ladder().measure(), lpp.key(), in2025))
                .isEqualTo(200 * GB300_TPP);
        // 400 GB300 = 24,000,000 TPP ≤ 26,900,000; counting the other two positions would have required a licence.
        assertThat(assessment.outcome()).isEqualTo(Outcome.EXEMPT);
        assertThat(assessment.tier()).isEqualTo("LPP");
    }

    @Test
    void racingSubmissionsForOneCompanyAndCountryAreAssessedOneAfterTheOther() throws Exception {
        String parent = uniqueCompany();
        int clients = 16;
        long units = 90; // 16 × 90 = 1,440 GB300e: the tier-2 boundary (1,000) is crossed once, by one of them
        List<long[]> seen = Collections.synchronizedList(new ArrayList<>());

        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> inTransaction(() -> {
                    Deal deal = aDeal(parent, "PT", units);
                    LedgerView view = ledger.lockFor(deal, POLICY, DATE);
                    Assessment assessment = Assessor.assess(deal, POLICY, view, DATE);
                    ApplicationId id = ApplicationId.random();
                    ledger.reserve(
                            new Position(
                                    id,
                                    deal.endUserParent(),
                                    deal.endUser(),
                                    deal.destination(),
                                    DATE,
                                    assessment.outcome(),
                                    Tier.ofNullable(assessment.tier()),
                                    null),
                            Tpp.of(assessment.facts().controlledTpp()),
                            "application.submitted",
                            "t");
                    seen.add(new long[] {assessment.facts().primary().beforeTpp(), tierNumber(assessment)});
                    return null;
                })));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }

        List<long[]> inOrder = new ArrayList<>(seen);
        inOrder.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 0; i < clients; i++) {
            long before = i * units * GB300_TPP;
            assertThat(inOrder.get(i)[0])
                    .as("client %d saw every earlier reservation", i)
                    .isEqualTo(before);
            long expectedTier = before + units * GB300_TPP < 1_000 * GB300_TPP ? 1 : 2;
            assertThat(inOrder.get(i)[1]).isEqualTo(expectedTier);
        }
        assertThat(companyTotals(parent, "PT").reservedTpp()).isEqualTo(clients * units * GB300_TPP);
        assertBucketsEqualTheirMovements();
    }

    @Test
    void lockIdsDependOnEveryPartOfTheKey() {
        MeasureKey key = new MeasureKey(0, "acme", null, CountryCode.of("SA"), 0);

        assertThat(Ledger.lockId(key))
                .isEqualTo(Ledger.lockId(new MeasureKey(0, "acme", null, CountryCode.of("SA"), 0)));
        assertThat(Ledger.lockId(key))
                .isNotEqualTo(Ledger.lockId(new MeasureKey(0, "acme", null, CountryCode.of("AE"), 0)));
        assertThat(Ledger.lockId(key))
                .isNotEqualTo(Ledger.lockId(new MeasureKey(1, "acme", null, CountryCode.of("SA"), 0)));
        assertThat(Ledger.lockId(key))
                .isNotEqualTo(Ledger.lockId(new MeasureKey(0, "acme", null, CountryCode.of("SA"), 2026)));
    }

    private void assertBucketsEqualTheirMovements() {
        assertThat(LedgerInvariants.violations(jdbc))
                .as("buckets that differ from the sum of their movements")
                .isEmpty();
    }

    private CountryTotals companyTotals(String parent, String destination) {
        return records.topCompanies(CountryCode.of(destination), Ledger.TOP_COMPANIES_MAX).stream()
                .filter(t -> t.company().equals(parent))
                .findFirst()
                .orElseThrow();
    }

    private long movementCount() {
        return jdbc.sql("SELECT count(*) FROM ledger_movement")
                .query(Long.class)
                .single();
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private static long tierNumber(Assessment assessment) {
        return switch (assessment) {
            case Assessment.Exempt exempt -> Long.parseLong(exempt.tier().substring(1));
            case Assessment.LicenseRequired licence ->
                Long.parseLong(licence.tier().substring(1));
            default -> 0;
        };
    }

    private static String uniqueCompany() {
        return "Company " + UUID.randomUUID();
    }

    private static Position aPosition(ApplicationId id, String parent, String destination) {
        CompanyName company = CompanyName.of(parent);
        return new Position(
                id,
                company,
                company,
                CountryCode.of(destination),
                DATE,
                Outcome.LICENSE_REQUIRED,
                new Tier("T2"),
                null);
    }

    private static Position aPosition(
            String company, String destination, LocalDate date, Outcome outcome, String tier) {
        CompanyName name = CompanyName.of(company);
        return new Position(
                ApplicationId.random(), name, name, CountryCode.of(destination), date, outcome, new Tier(tier), null);
    }

    private static Deal aDeal(String parent, String destination, long gb300Units) {
        return aDeal(parent, destination, gb300Units, DATE);
    }

    private static Deal aDeal(String parent, String destination, long gb300Units, LocalDate date) {
        CompanyName company = CompanyName.of(parent);
        return new Deal(
                "deal-" + UUID.randomUUID(),
                date,
                "Exporter",
                company,
                company,
                CountryCode.of(destination),
                List.of(new Line(Catalog.builtIn().item("GB300"), gb300Units)),
                false);
    }
}
