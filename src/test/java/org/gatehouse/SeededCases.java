package org.gatehouse;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Random cases for property tests, each drawn from its own seed so that any failure can be replayed: the seed is in
 * the test's display name ({@code @ParameterizedTest(name = "seed {0}")}) and in the failure message with the case
 * itself. Generators favour the ends of every range (as a property-testing library's edge cases would), so the
 * boundaries are tried on every run.
 *
 * <p>The seeds of a run derive from {@code -Dgatehouse.seed=N} (a fixed default, so a build is repeatable); one case
 * is replayed with {@code -Dgatehouse.seed.only=<seed>}.
 */
public final class SeededCases {

    /** The seed every run's case seeds derive from. */
    public static final long BASE_SEED = Long.getLong("gatehouse.seed", 20_261_127L);

    private static final String ONLY = System.getProperty("gatehouse.seed.only");

    private SeededCases() {}

    /** {@code tries} case seeds (or just the one asked for with {@code -Dgatehouse.seed.only}). */
    public static Stream<Long> seeds(int tries) {
        if (ONLY != null) {
            return Stream.of(Long.parseLong(ONLY));
        }
        SplittableRandom base = new SplittableRandom(BASE_SEED + tries);
        return LongStream.generate(base::nextLong).limit(tries).boxed();
    }

    /** Runs one case; a failure is reported with its seed and the case, so it can be replayed. */
    public static void check(long seed, Object theCase, Runnable property) {
        try {
            property.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    "property failed for seed " + seed + " (replay with -Dgatehouse.seed.only=" + seed + ")\n  case: "
                            + theCase + "\n  " + e.getMessage(),
                    e);
        }
    }

    /** A whole number in {@code min..max}: each end one time in ten, otherwise uniform. */
    public static long between(Random random, long min, long max) {
        int edge = random.nextInt(20);
        if (edge == 0) {
            return min;
        }
        if (edge == 1) {
            return max;
        }
        return random.nextLong(min, max + 1);
    }

    /** An int in {@code min..max}, ends favoured as for {@link #between(Random, long, long)}. */
    public static int between(Random random, int min, int max) {
        return (int) between(random, (long) min, (long) max);
    }

    /** One of {@code values}, uniformly. */
    public static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
