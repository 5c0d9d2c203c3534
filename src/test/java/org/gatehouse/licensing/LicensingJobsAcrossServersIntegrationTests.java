package org.gatehouse.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.licensing.TestLicences.aDeal;
import static org.gatehouse.licensing.TestLicences.units;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.gatehouse.GatehouseApplication;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.system.DatabaseServer;
import org.gatehouse.system.DatabaseSettings;
import org.gatehouse.trade.ApplicationId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two servers on one database, each running the licensing jobs at the same moment: every licence past its validity
 * expires once and every exemption past its period lapses once — one release movement and one audit event each —
 * whichever server claims it (SKIP LOCKED). Two application contexts on one embedded PostgreSQL play the servers.
 */
class LicensingJobsAcrossServersIntegrationTests {

    private static final int LICENCES = 150;

    /** Far fewer than the licences, so that runners take batch after batch and interleave their claims. */
    private static final int BATCH = 8;

    private static final int EXEMPTIONS = 40;

    /** Job runs started at once: two per server. */
    private static final int RUNNERS_PER_SERVER = 2;

    private static DatabaseServer database;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void twoServersOnOneDatabase() {
        database = DatabaseServer.open(DatabaseSettings.temporary());
        first = server(true); // migrates the schema and creates the demo accounts
        second = server(false);
    }

    @AfterAll
    static void stop() {
        new MovableClock().reset();
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static ConfigurableApplicationContext server(boolean demo) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("gatehouse.database.url", database.jdbcUrl());
        properties.put("gatehouse.database.user", database.user());
        properties.put("gatehouse.database.password", database.password());
        properties.put("gatehouse.database.owner-user", database.ownerUser());
        properties.put("gatehouse.database.owner-password", database.ownerPassword());
        properties.put("gatehouse.database.pool-connections-max", 6);
        properties.put("gatehouse.demo", demo);
        properties.put("gatehouse.demo-password", "two servers, one database");
        properties.put("server.port", 0);
        properties.put("logging.level.root", "WARN");
        // The scheduled runs stay out of the way: the test starts every run itself, all at once.
        properties.put("gatehouse.licensing.jobs-initial-delay", "PT1H");
        properties.put("gatehouse.licensing.jobs-batch-max", BATCH);
        return new SpringApplicationBuilder(GatehouseApplication.class, MovableClock.Config.class)
                .properties(properties)
                .run();
    }

    @Test
    void eachExpiryAndEachLapseHappensOnceWhenBothServersRunTheJobsAtOnce() throws Exception {
        CurrentUser exporter = TestLicences.exporter(first);
        List<TestLicences.Issued> licences = new ArrayList<>();
        for (int i = 0; i < LICENCES; i++) {
            // Issued on alternate servers; a third of them partly shipped, so some release less than they got.
            ConfigurableApplicationContext server = i % 2 == 0 ? first : second;
            TestLicences.Issued issued = TestLicences.issue(server, exporter, aDeal("SA", units("H100", 10)));
            if (i % 3 == 0) {
                server.getBean(LicenceService.class)
                        .reportShipment(
                                exporter,
                                new LicenceNumber(issued.number()),
                                new ShipmentReport(
                                        LocalDate.now(server.getBean(java.time.Clock.class)),
                                        List.of(new ShipmentLine("H100", 4, new BigDecimal("100000.00"))),
                                        null,
                                        null),
                                null,
                                "shipment " + i);
            }
            licences.add(issued);
        }
        List<ApplicationId> exemptions = new ArrayList<>();
        for (int i = 0; i < EXEMPTIONS; i++) {
            exemptions.add(
                    TestLicences.exemption(i % 2 == 0 ? first : second, exporter, aDeal("KE", units("GB300", 5))));
        }
        new MovableClock().advance(Duration.ofDays(4 * 366 + 2)); // past every licence's validity and lapse day

        List<Future<LicensingJobs.Run>> runs = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService runners = Executors.newFixedThreadPool(2 * RUNNERS_PER_SERVER)) {
            for (ConfigurableApplicationContext server : List.of(first, second)) {
                for (int r = 0; r < RUNNERS_PER_SERVER; r++) {
                    LicensingJobs jobs = server.getBean(LicensingJobs.class);
                    runs.add(runners.submit(() -> {
                        start.await();
                        return jobs.run();
                    }));
                }
            }
            start.countDown();
        }

        int expired = 0;
        int lapsed = 0;
        List<Integer> perRunner = new ArrayList<>();
        for (Future<LicensingJobs.Run> run : runs) {
            expired += run.get().expired();
            lapsed += run.get().lapsed();
            perRunner.add(run.get().expired());
        }
        assertThat(expired).as("expiries across runners %s", perRunner).isEqualTo(LICENCES);
        assertThat(lapsed).isEqualTo(EXEMPTIONS);

        JdbcClient jdbc = first.getBean(JdbcClient.class);
        for (TestLicences.Issued licence : licences) {
            assertThat(jdbc.sql("SELECT state FROM licence WHERE number = :n")
                            .param("n", licence.number())
                            .query(String.class)
                            .single())
                    .isEqualTo("EXPIRED");
            assertThat(LicensingChecks.auditActions(jdbc, "licence", licence.number()))
                    .filteredOn("licence.expired"::equals)
                    .hasSize(1);
            assertThat(LicensingChecks.movements(jdbc, licence.applicationId()))
                    .filteredOn(m -> m.startsWith("RELEASE"))
                    .hasSize(1);
            assertThat(LicensingChecks.holding(jdbc, licence.applicationId()).subList(0, 2))
                    .containsExactly(0L, 0L);
        }
        for (ApplicationId exemption : exemptions) {
            assertThat(LicensingChecks.auditActions(jdbc, "exemption", exemption.toString()))
                    .containsExactly("exemption.registered", "exemption.lapsed");
            assertThat(LicensingChecks.movements(jdbc, exemption))
                    .containsExactly(
                            "RESERVE " + 5 * 60_000L + " application.submitted",
                            "RELEASE " + 5 * 60_000L + " exemption.lapsed");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM licence_version WHERE action = 'expired'")
                        .query(Long.class)
                        .single())
                .isEqualTo(LICENCES);
        LicensingChecks.ledgerAndAuditHold(jdbc, first.getBean(DataSource.class));
        assertThat(first.getBean(LicensingJobs.class).run()).isEqualTo(new LicensingJobs.Run(0, 0));
        assertThat(second.getBean(LicensingJobs.class).run()).isEqualTo(new LicensingJobs.Run(0, 0));
    }
}
