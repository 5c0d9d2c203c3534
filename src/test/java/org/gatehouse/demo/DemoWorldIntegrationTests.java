package org.gatehouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gatehouse.GatehouseApplication;
import org.gatehouse.agreements.AgreementService;
import org.gatehouse.applications.Application;
import org.gatehouse.applications.ApplicationFilter;
import org.gatehouse.applications.ApplicationService;
import org.gatehouse.applications.ApplicationState;
import org.gatehouse.cases.CaseClock;
import org.gatehouse.cases.CaseService;
import org.gatehouse.cases.CaseState;
import org.gatehouse.cases.Evidence;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.licensing.ExemptionService;
import org.gatehouse.licensing.Licence;
import org.gatehouse.licensing.LicenceNumber;
import org.gatehouse.licensing.LicenceService;
import org.gatehouse.licensing.Shipment;
import org.gatehouse.policy.Requirement;
import org.gatehouse.preapproval.Inspection;
import org.gatehouse.preapproval.InspectionOutcome;
import org.gatehouse.preapproval.PreApprovalFilter;
import org.gatehouse.preapproval.PreApprovalService;
import org.gatehouse.preapproval.PreApprovalState;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.screening.server.ScreeningService;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.Paging;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code serve --demo} on a fresh embedded database: the demo world as the services recorded it (every state and
 * tier, the clocks, the hold, the SDN hit, a licence with shipments, the China H200 revenue share), and a second run
 * that adds nothing. One context of its own (the other integration tests run without the world).
 */
@SpringBootTest(
        classes = GatehouseApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gatehouse.database.ephemeral=true",
            "gatehouse.demo=true",
            "gatehouse.demo-password=" + DemoWorldIntegrationTests.PASSWORD,
            "gatehouse.licensing.jobs-enabled=false",
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoWorldIntegrationTests {

    static final String PASSWORD = "demo world password";

    @Autowired
    DemoWorld world;

    @Autowired
    ApplicationService applications;

    @Autowired
    CaseService cases;

    @Autowired
    LicenceService licences;

    @Autowired
    ExemptionService exemptions;

    @Autowired
    ScreeningService screening;

    @Autowired
    UserService users;

    @Autowired
    PreApprovalService preApprovals;

    @Autowired
    AgreementService agreements;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    CurrentUser officer;
    Map<String, Application> byRef;

    @BeforeAll
    void load() {
        officer = caller("officer");
        byRef = new HashMap<>();
        for (Application a : applications.list(
                officer, new ApplicationFilter(null, null, null, null, null), new Paging(Paging.LIMIT_MAX, 0))) {
            byRef.put(a.content().reference(), a);
        }
    }

    private CurrentUser caller(String username) {
        User user = users.getByUsername(CurrentUser.system("test"), new Username(username));
        return CurrentUser.of(user, organizations.get(CurrentUser.system("test"), user.organizationId()));
    }

    private CaseService.Reviewed reviewOf(String ref) {
        return cases.get(officer, byRef.get(ref).id());
    }

    @Test
    void seedsFortyFourApplicationsInEveryState() {
        Map<ApplicationState, Long> states = byRef.values().stream()
                .collect(Collectors.groupingBy(Application::state, TreeMap::new, Collectors.counting()));
        System.out.println("demo world states: " + states);
        byRef.values().stream()
                .sorted(java.util.Comparator.comparing(a -> a.content().reference()))
                .forEach(a -> System.out.printf(
                        "  %-24s %-26s %-18s %s%n",
                        a.content().reference(),
                        a.state(),
                        a.registration() == null ? "" : a.registration().outcome(),
                        a.registration() == null ? "" : a.registration().tier()));
        assertThat(byRef).hasSize(44);
        assertThat(states)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        ApplicationState.DRAFT, 5L,
                        ApplicationState.SUBMITTED, 18L,
                        ApplicationState.EXEMPT, 7L,
                        ApplicationState.APPROVED, 3L,
                        ApplicationState.APPROVED_WITH_CONDITIONS, 4L,
                        ApplicationState.DENIED, 3L,
                        // one returned by the officer; the domestic (not controlled) submission is concluded so too
                        ApplicationState.RETURNED_WITHOUT_ACTION, 2L,
                        ApplicationState.WITHDRAWN, 2L));
    }

    @Test
    void assessesEveryTierAndOutcome() {
        Map<String, Long> tiers = byRef.values().stream()
                .filter(a -> a.registration() != null && a.registration().tier() != null)
                .collect(Collectors.groupingBy(
                        a -> a.registration().tier().name(), TreeMap::new, Collectors.counting()));
        Map<String, Long> outcomes = byRef.values().stream()
                .filter(a -> a.registration() != null)
                .collect(Collectors.groupingBy(
                        a -> a.registration().outcome().name(), TreeMap::new, Collectors.counting()));
        System.out.println("demo world tiers: " + tiers + ", outcomes: " + outcomes);
        assertThat(tiers).isEqualTo(Map.of("T1", 12L, "T2", 24L, "T3", 1L));
        assertThat(outcomes).containsKeys("EXEMPT", "LICENSE_REQUIRED", "PROHIBITED", "NOT_CONTROLLED");
        assertThat(byRef.get("DEMO-AE-G42-STARGATE").registration().tier().name())
                .isEqualTo("T3");
        assertThat(byRef.get("DEMO-IN-YOTTA-1").registration().outcome().name()).isEqualTo("EXEMPT");
    }

    @Test
    void casesShowOverdueNearDeadlineHeldAndReferred() {
        assertThat(overdue("DEMO-IN-YOTTA-3", CaseClock.Kind.FIRST_ACTION)).isTrue();
        assertThat(overdue("DEMO-FI-NEBIUS", CaseClock.Kind.RESOLUTION)).isTrue();
        assertThat(overdue("DEMO-CN-BYTEDANCE-H200", CaseClock.Kind.AGENCY)).isTrue();
        CaseClock nearFirst = clock("DEMO-IN-TATA", CaseClock.Kind.FIRST_ACTION);
        assertThat(nearFirst.overdue()).isFalse();
        assertThat(nearFirst.remainingDays()).isBetween(0L, 1L);
        assertThat(clock("DEMO-FR-MISTRAL", CaseClock.Kind.RESOLUTION).remainingDays())
                .isBetween(5L, 6L);

        CaseService.Reviewed held = reviewOf("DEMO-AE-G42-AMD");
        assertThat(held.review().state()).isEqualTo(CaseState.HELD_WITHOUT_ACTION);
        assertThat(reviewOf("DEMO-ID-INDOSAT-2").review().state()).isEqualTo(CaseState.HELD_WITHOUT_ACTION);
        assertThat(reviewOf("DEMO-SA-HUMAIN-2").review().state()).isEqualTo(CaseState.REFERRED);
        assertThat(reviewOf("DEMO-KR-NAVER").review().state()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(reviewOf("DEMO-ID-INDOSAT-1").review().state()).isEqualTo(CaseState.RETURNED_WITHOUT_ACTION);
        assertThat(reviewOf("DEMO-SA-AMD-2").review().state()).isEqualTo(CaseState.WITHDRAWN);
    }

    @Test
    void aRealSdnNameAwaitsDisposition() {
        List<ScreeningHit> hits =
                screening.hitsOf(officer, byRef.get("DEMO-MY-HKE").id());
        assertThat(hits).isNotEmpty();
        assertThat(hits).allMatch(h -> !h.dispositioned());
        assertThat(hits)
                .anyMatch(h -> h.matchedName().equals("HONG KONG ELECTRONICS")
                        && h.entryId().equals("11533"));
        assertThat(reviewOf("DEMO-MY-HKE").evidence())
                .anyMatch(e -> e instanceof Evidence.Missing m && m.requirement() == Requirement.SCREENING_REVIEW);
        assertThat(byRef.get("DEMO-MY-HKE").registration().outcome().name()).isEqualTo("LICENSE_REQUIRED");

        List<ScreeningHit> matched =
                screening.hitsOf(officer, byRef.get("DEMO-AE-FMF").id());
        assertThat(matched).anyMatch(h -> h.dispositioned() && h.entryId().equals("10596"));
        assertThat(byRef.get("DEMO-AE-FMF").state()).isEqualTo(ApplicationState.DENIED);
    }

    @Test
    void licencesCarryTheirShipmentsAndTheChinaRevenueShare() {
        Licence humain = licence("DEMO-SA-HUMAIN-1");
        List<Shipment> shipped = licences.shipments(officer, humain.number(), Paging.first(10));
        assertThat(shipped).hasSize(2);
        assertThat(humain.tier().name()).isEqualTo("T2");

        Licence china = licence("DEMO-CN-ALIBABA-H200");
        assertThat(china.conditions())
                .anyMatch(c -> c.code() == Requirement.REVENUE_SHARE
                        && "0.25".equals(c.parameters().get("rate")));
        assertThat(china.conditions()).anyMatch(c -> c.code() == Requirement.THIRD_PARTY_TESTING_US);
        assertThat(licences.shipments(officer, china.number(), Paging.first(10)))
                .singleElement()
                .satisfies(s -> assertThat(s.testReportSha256()).hasSize(64));

        assertThat(exemptions.get(officer, byRef.get("DEMO-IN-YOTTA-2").id()).lateNotifications())
                .isEqualTo(1);
        assertThat(exemptions.notifications(
                        officer, byRef.get("DEMO-IN-YOTTA-1").id(), Paging.first(10)))
                .hasSize(2);
    }

    @Test
    void theInstrumentsTellTheirPart() {
        // Two agreements: the UAE's second tranche is past due and unrealized, Saudi Arabia's is in good standing.
        var uae = agreements.list(officer, CountryCode.of("AE"), null, Paging.first(5));
        var saudi = agreements.list(officer, CountryCode.of("SA"), null, Paging.first(5));
        assertThat(uae).hasSize(1);
        assertThat(saudi).hasSize(1);
        assertThat(saudi.getFirst().standing().good()).isTrue();
        assertThat(uae.getFirst().standing().good()).isFalse();
        assertThat(uae.getFirst().standing().shortfalls()).singleElement().satisfies(s -> {
            assertThat(s.tranche()).isEqualTo(2);
            assertThat(s.missing().display()).isEqualTo("$5,000,000,000.00");
        });
        // The tier-3 Stargate case lacks the investment match, naming the tranche and the dollars.
        assertThat(reviewOf("DEMO-AE-G42-STARGATE").evidence())
                .filteredOn(e -> e instanceof Evidence.Missing m && m.requirement() == Requirement.US_INVESTMENT_MATCH)
                .singleElement()
                .satisfies(e -> assertThat(((Evidence.Missing) e).why())
                        .contains("tranche 2")
                        .contains("$5,000,000,000.00"));

        // Pre-approvals: granted for the buyers of the approved tier-2 deals, one awaiting review (Yotta's).
        var all = preApprovals.list(
                officer, new PreApprovalFilter(null, null, null, null, null, null), Paging.first(100));
        Map<PreApprovalState, Long> byState = all.stream()
                .collect(Collectors.groupingBy(
                        PreApprovalService.Viewed::standing, TreeMap::new, Collectors.counting()));
        assertThat(byState.get(PreApprovalState.REQUESTED)).isEqualTo(1);
        assertThat(byState.get(PreApprovalState.GRANTED)).isGreaterThanOrEqualTo(5);
        // Inspections: HUMAIN's satisfactory, G42's with findings, G42's next one and the demo buyer's scheduled.
        List<Inspection> inspections = preApprovals.inspections(caller("inspector"), null, null, Paging.first(50));
        assertThat(inspections)
                .extracting(i -> i.result() == null ? null : i.result().outcome())
                .containsExactlyInAnyOrder(InspectionOutcome.SATISFACTORY, InspectionOutcome.FINDINGS, null, null);
    }

    @Test
    void aSecondRunAddsNothing() {
        long events = count("SELECT count(*) FROM audit_event");
        long movements = count("SELECT count(*) FROM ledger_movement");
        long rows = count("SELECT count(*) FROM application");
        DemoWorld.Seeded again = world.seed();
        assertThat(again.seeded()).isZero();
        assertThat(again.present()).isEqualTo(44);
        assertThat(count("SELECT count(*) FROM application")).isEqualTo(rows);
        assertThat(count("SELECT count(*) FROM ledger_movement")).isEqualTo(movements);
        assertThat(count("SELECT count(*) FROM audit_event")).isEqualTo(events);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private Licence licence(String ref) {
        String number = reviewOf(ref).review().decision().licenceNumber();
        return licences.get(officer, LicenceNumber.parse(number));
    }

    private CaseClock clock(String ref, CaseClock.Kind kind) {
        return reviewOf(ref).clocks().stream()
                .filter(c -> c.kind() == kind)
                .filter(c -> c.running() || c.overdue())
                .findFirst()
                .orElseThrow(() -> new AssertionError(ref + " has no running clock " + kind));
    }

    private boolean overdue(String ref, CaseClock.Kind kind) {
        return reviewOf(ref).clocks().stream().anyMatch(c -> c.kind() == kind && c.overdue());
    }
}
