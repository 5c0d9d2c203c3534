package org.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.gatehouse.GatehouseApplication;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditVerifier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit log benchmark: append throughput through the real append API (Spring transactions, the
 * chain lock, a durable embedded PostgreSQL with fsync on), then the time to verify a chain of
 * {@code events} events. Run with {@code bench/audit.sh [events]}; not part of the test suite.
 */
public final class AuditBenchmark {

    private AuditBenchmark() {}

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path data = Path.of("target", "bench-audit");
        deleteRecursively(data);
        System.out.printf(
                "machine: %d cores, %s %s; database: embedded PostgreSQL, fsync on, in %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                Runtime.version(),
                data.toAbsolutePath());

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GatehouseApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of("gatehouse.database.data-dir", data.toString(), "logging.level.root", "WARN"))
                .run()) {
            AuditLog log = context.getBean(AuditLog.class);
            TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
            DataSource dataSource = context.getBean(DataSource.class);

            appendRun(log, transactions, "1 event per transaction, 1 writer", 1, 1, 5_000);
            appendRun(log, transactions, "1 event per transaction, 8 writers", 8, 1, 2_500);
            appendRun(log, transactions, "1 event per transaction, 16 writers", 16, 1, 1_250);
            appendRun(log, transactions, "10 events per transaction, 4 writers", 4, 10, 10_000);
            appendRun(log, transactions, "100 events per transaction, 1 writer", 1, 100, 50_000);

            long present = new AuditVerifier().verify(dataSource).eventCount();
            long missing = Math.max(0, events - present);
            if (missing > 0) {
                System.out.printf("filling the log to %,d events (1,000 per transaction)…%n", events);
                appendRun(
                        log,
                        transactions,
                        "fill: 1,000 events per transaction, 1 writer",
                        1,
                        1_000,
                        missing - missing % 1_000);
                if (missing % 1_000 != 0) {
                    appendRun(
                            log,
                            transactions,
                            "fill: the rest in one transaction",
                            1,
                            (int) (missing % 1_000),
                            missing % 1_000);
                }
            }

            long[] millis = new long[3];
            AuditVerifier.Result result = null;
            for (int i = 0; i < millis.length; i++) {
                long started = System.nanoTime();
                result = new AuditVerifier().verify(dataSource);
                millis[i] = (System.nanoTime() - started) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf(
                    "verify: %,d events, ok=%s, runs %s ms, median %,d ms%n",
                    result.eventCount(), result.ok(), Arrays.toString(millis), millis[1]);
        }
    }

    private static void appendRun(
            AuditLog log,
            TransactionTemplate transactions,
            String name,
            int writers,
            int eventsPerTransaction,
            long eventsPerWriter)
            throws Exception {
        long transactionsPerWriter = Math.max(1, eventsPerWriter / eventsPerTransaction);
        // Each transaction appends its events with one call, as a service recording several changes would.
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    for (long t = 0; t < transactionsPerWriter; t++) {
                        long transaction = t;
                        List<AuditEntry> entries = new ArrayList<>(eventsPerTransaction);
                        for (int e = 0; e < eventsPerTransaction; e++) {
                            entries.add(new AuditEntry(
                                    "bench.writer-" + writer,
                                    "application.submitted",
                                    "application",
                                    "app-" + writer + "-" + transaction + "-" + e,
                                    Map.of("tier", "T2", "tpp", 72_000_000L, "destination", "SA")));
                        }
                        transactions.executeWithoutResult(status -> log.appendAll(entries));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long total = writers * transactionsPerWriter * eventsPerTransaction;
        System.out.printf("append, %s: %,d events in %.2f s = %,.0f events/s%n", name, total, seconds, total / seconds);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
