package org.gatehouse.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gatehouse.catalog.Catalog;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.Assessor;
import org.gatehouse.policy.Deal;
import org.gatehouse.policy.InMemoryLedger;
import org.gatehouse.policy.Line;
import org.gatehouse.policy.Policies;
import org.gatehouse.policy.Policy;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Assessments per second on one thread (SPEC §11: ≥ 1,000,000/s/core): a mix of 4,096 deals across destinations,
 * items and 500 companies, against an in-memory ledger already holding totals for those companies.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AssessorBenchmark {

    @Param({"us-global-2026-draft", "us-2025-ai-diffusion"})
    public String policyId;

    private Policy policy;
    private InMemoryLedger ledger;
    private Deal[] deals;
    private int next;

    @Setup
    public void setUp() {
        policy = Policies.builtIn().find(policyId).orElseThrow();
        String[] items = {"GB300", "B200", "H100", "H200", "H20", "MI355X", "GB300 NVL72", "HGX H100"};
        String[] countries = {
            "US", "DE", "FR", "IN", "IL", "GB", "SA", "AE", "CN", "MO", "RU", "IR", "BR", "VN", "JP", "SG"
        };
        SplittableRandom random = new SplittableRandom(42);
        deals = new Deal[4096];
        ledger = new InMemoryLedger();
        for (int i = 0; i < deals.length; i++) {
            CompanyName company = CompanyName.of("Company " + random.nextInt(500));
            deals[i] = new Deal(
                    "deal-" + i,
                    LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)),
                    "NVIDIA",
                    company,
                    company,
                    CountryCode.of(countries[random.nextInt(countries.length)]),
                    List.of(new Line(
                            Catalog.builtIn().item(items[random.nextInt(items.length)]), 1 + random.nextInt(5000))),
                    false);
            ledger.record(Assessor.assess(deals[i], policy, ledger, deals[i].date()));
        }
    }

    @Benchmark
    public Assessment assess() {
        Deal deal = deals[next++ & (deals.length - 1)];
        return Assessor.assess(deal, policy, ledger, deal.date());
    }
}
