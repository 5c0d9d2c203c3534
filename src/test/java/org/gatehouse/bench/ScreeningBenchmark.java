package org.gatehouse.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gatehouse.catalog.CsvRecords;
import org.gatehouse.screening.BundledLists;
import org.gatehouse.screening.Hit;
import org.gatehouse.screening.Screener;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Screening speed (SPEC §11: one name against a 20,000-entry list with aliases in under 1 ms median; at least 20,000
 * names/s in batch). The screener holds the bundled snapshot: 8,976 SDN entries with 11,910 aliases, plus the CSL
 * samples and the Denied Persons List, 21,600 indexed names in all. The names screened, in turn:
 *
 * <ul>
 *   <li>{@code evaluation}: the 1,395 names of the evaluation set (src/test/resources/screening): listed names with
 *       every kind of change, names in other scripts, and real unlisted organizations;
 *   <li>{@code misspelt}: 50,000 of those names, each with one letter of one word replaced at random (seed 20261127),
 *       so that most carry a word the lists do not hold and that no screening before has looked for.
 * </ul>
 *
 * {@code latency} samples the time of single screenings (read the p0.50 line for the median); {@code batch} counts
 * names screened per second on one thread and {@code batchTwoThreads} on two (one screener, shared). Run with
 * {@code bench/jmh.sh ScreeningBenchmark}; not part of the test suite.
 */
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class ScreeningBenchmark {

    /** The screener and the names, shared by all threads: the screener is immutable and thread-safe. */
    @State(Scope.Benchmark)
    public static class Lists {

        @Param({"evaluation", "misspelt"})
        public String names;

        Screener screener;
        String[] queries;

        @Setup
        public void setUp() throws IOException {
            screener = Screener.of(BundledLists.load());
            List<String> evaluation = new ArrayList<>();
            Path folder = Path.of("src/test/resources/screening");
            column(folder.resolve("evaluation.csv"), 1, true, evaluation);
            column(folder.resolve("cross-script.csv"), 0, false, evaluation);
            column(folder.resolve("negatives.csv"), 1, true, evaluation);
            queries = names.equals("misspelt") ? misspell(evaluation, 50_000) : evaluation.toArray(new String[0]);
        }

        private static void column(Path file, int column, boolean header, List<String> into) throws IOException {
            String text = String.join(
                    "\n",
                    Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                            .filter(l -> !l.startsWith("#") && !l.isBlank())
                            .toList());
            try (Reader reader = new java.io.StringReader(text)) {
                CsvRecords records = new CsvRecords(reader);
                if (header) {
                    records.next();
                }
                for (String[] r = records.next(); r != null; r = records.next()) {
                    into.add(r[column]);
                }
            }
        }

        private static String[] misspell(List<String> names, int count) {
            SplittableRandom random = new SplittableRandom(20_261_127L);
            String[] out = new String[count];
            for (int i = 0; i < count; i++) {
                char[] name = names.get(random.nextInt(names.size())).toCharArray();
                int at = random.nextInt(name.length);
                if (Character.isLetter(name[at])) {
                    name[at] = (char) ((Character.isUpperCase(name[at]) ? 'A' : 'a') + random.nextInt(26));
                }
                out[i] = new String(name);
            }
            return out;
        }
    }

    /**
     * Each thread walks the names from its own starting point, and counts the processor time it used per iteration
     * ({@code cpuMillis}, in the results as an auxiliary counter): on a machine shared with other work, names per
     * processor-second ({@code score × time / cpuMillis}) say what one core does when it has the core.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cursor {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        int next;
        private long cpuStart;
        public long cpuMillis;

        @Setup
        public void setUp() {
            next = (int) Math.floorMod(Thread.currentThread().threadId() * 7919, 1_000_003L);
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            cpuStart = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void endIteration() {
            cpuMillis += (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        }

        String name(Lists lists) {
            next = (next + 1) % lists.queries.length;
            return lists.queries[next];
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public List<Hit> latency(Lists lists, Cursor cursor) {
        return lists.screener.screen(cursor.name(lists), null, Screener.THRESHOLD_DEFAULT);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public List<Hit> batch(Lists lists, Cursor cursor) {
        return lists.screener.screen(cursor.name(lists), null, Screener.THRESHOLD_DEFAULT);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public List<Hit> batchTwoThreads(Lists lists, Cursor cursor) {
        return lists.screener.screen(cursor.name(lists), null, Screener.THRESHOLD_DEFAULT);
    }
}
