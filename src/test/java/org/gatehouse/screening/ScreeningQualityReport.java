package org.gatehouse.screening;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the quality figures of the matcher on the labelled evaluation set as Markdown (pasted into
 * docs/screening.md): recall per kind and false positives per category at the default threshold, the threshold the
 * rule chooses, a sweep of thresholds, and every miss and false positive.
 *
 * <p>Run from the repository root: {@code java -cp "$(bench/classpath.sh)" org.gatehouse.screening.ScreeningQualityReport}
 */
public final class ScreeningQualityReport {

    private ScreeningQualityReport() {}

    /**
     * Two-fold cross-validation of the threshold rule: positives and negatives split in two halves at random (seed
     * 20261127); the threshold is chosen on one half and measured on the other, and the other way round. The figures
     * show how much choosing the threshold on the same set flatters it.
     */
    private static void crossValidate(Evaluation.Scores s) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20_261_127L);
        boolean[] positiveHalf = new boolean[s.positiveScores().length];
        boolean[] negativeHalf = new boolean[s.negativeScores().length];
        for (int i = 0; i < positiveHalf.length; i++) {
            positiveHalf[i] = random.nextBoolean();
        }
        for (int i = 0; i < negativeHalf.length; i++) {
            negativeHalf[i] = random.nextBoolean();
        }
        System.out.println(
                "| chosen on | threshold | recall on the other half | false-positive rate on the other half |");
        System.out.println("|---|---:|---:|---:|");
        for (boolean half : new boolean[] {true, false}) {
            Evaluation.Scores choose = subset(s, positiveHalf, negativeHalf, half);
            Evaluation.Scores measure = subset(s, positiveHalf, negativeHalf, !half);
            double t = choose.chosenThreshold();
            System.out.printf(
                    Locale.ROOT,
                    "| half %s | %.2f | %.1f %% | %.2f %% |%n",
                    half ? "A" : "B",
                    t,
                    100 * measure.recall(t),
                    100 * measure.falsePositiveRate(t));
        }
    }

    private static Evaluation.Scores subset(
            Evaluation.Scores s, boolean[] positives, boolean[] negatives, boolean half) {
        java.util.List<Evaluation.Positive> p = new java.util.ArrayList<>();
        java.util.List<Double> ps = new java.util.ArrayList<>();
        for (int i = 0; i < positives.length; i++) {
            if (positives[i] == half) {
                p.add(s.positives().get(i));
                ps.add(s.positiveScores()[i]);
            }
        }
        java.util.List<Evaluation.Negative> n = new java.util.ArrayList<>();
        java.util.List<Double> ns = new java.util.ArrayList<>();
        java.util.List<Hit> best = new java.util.ArrayList<>();
        for (int i = 0; i < negatives.length; i++) {
            if (negatives[i] == half) {
                n.add(s.negatives().get(i));
                ns.add(s.negativeScores()[i]);
                best.add(s.negativeBest().get(i));
            }
        }
        return new Evaluation.Scores(
                p,
                ps.stream().mapToDouble(Double::doubleValue).toArray(),
                n,
                ns.stream().mapToDouble(Double::doubleValue).toArray(),
                best);
    }

    public static void main(String[] args) throws IOException {
        double threshold = args.length > 0 ? Double.parseDouble(args[0]) : Screener.THRESHOLD_DEFAULT;
        Screener screener = Screener.of(BundledLists.load());
        Evaluation.Scores s = Evaluation.score(screener);
        System.out.printf(
                Locale.ROOT,
                "Threshold %.2f (default %.2f; the rule chooses %.2f)%n%n",
                threshold,
                Screener.THRESHOLD_DEFAULT,
                s.chosenThreshold());
        System.out.println("| kind | positives | found | recall |");
        System.out.println("|---|---:|---:|---:|");
        int total = 0;
        int found = 0;
        for (Map.Entry<String, double[]> e : s.recallByKind(threshold).entrySet()) {
            double[] c = e.getValue();
            System.out.printf(
                    Locale.ROOT, "| %s | %d | %d | %.1f %% |%n", e.getKey(), (int) c[0], (int) c[1], 100 * c[1] / c[0]);
            total += (int) c[0];
            found += (int) c[1];
        }
        System.out.printf(Locale.ROOT, "| **all** | %d | %d | **%.1f %%** |%n%n", total, found, 100.0 * found / total);
        System.out.println("| negatives | names | false positives | rate |");
        System.out.println("|---|---:|---:|---:|");
        int names = 0;
        int fps = 0;
        for (Map.Entry<String, double[]> e :
                s.falsePositivesByCategory(threshold).entrySet()) {
            double[] c = e.getValue();
            System.out.printf(
                    Locale.ROOT, "| %s | %d | %d | %.1f %% |%n", e.getKey(), (int) c[0], (int) c[1], 100 * c[1] / c[0]);
            names += (int) c[0];
            fps += (int) c[1];
        }
        System.out.printf(Locale.ROOT, "| **all** | %d | %d | **%.2f %%** |%n%n", names, fps, 100.0 * fps / names);
        System.out.println("| threshold | recall | false-positive rate |");
        System.out.println("|---:|---:|---:|");
        for (int step = 70; step <= 100; step += step < 80 || step >= 95 ? 5 : 1) {
            double t = step / 100.0;
            System.out.printf(
                    Locale.ROOT, "| %.2f | %.1f %% | %.2f %% |%n", t, 100 * s.recall(t), 100 * s.falsePositiveRate(t));
        }
        System.out.println();
        crossValidate(s);
        System.out.println();
        System.out.println("Misses at the threshold (kind: query, expected entry, its score):");
        for (int i = 0; i < s.positives().size(); i++) {
            if (s.positiveScores()[i] < threshold) {
                Evaluation.Positive p = s.positives().get(i);
                System.out.printf(
                        Locale.ROOT,
                        "- %s: %s → %s %s (%.3f)%n",
                        p.kind(),
                        p.query(),
                        p.list(),
                        p.entryId(),
                        s.positiveScores()[i]);
            }
        }
        System.out.println();
        System.out.println("False positives at the threshold (negative → best hit):");
        List<Hit> best = s.negativeBest();
        for (int i = 0; i < s.negatives().size(); i++) {
            if (s.negativeScores()[i] >= threshold) {
                Hit h = best.get(i);
                System.out.printf(
                        Locale.ROOT,
                        "- %s → %s %s \"%s\" %.2f: %s%n",
                        s.negatives().get(i).name(),
                        h.list(),
                        h.entryId(),
                        h.matchedName(),
                        h.score(),
                        h.explanation());
            }
        }
        if (args.length > 1) {
            System.out.println();
            System.out.println("Negatives scoring at least " + args[1] + ":");
            double near = Double.parseDouble(args[1]);
            for (int i = 0; i < s.negatives().size(); i++) {
                if (s.negativeScores()[i] >= near) {
                    Hit h = best.get(i);
                    System.out.printf(
                            Locale.ROOT,
                            "- %.2f %s → %s %s \"%s\": %s%n",
                            h.score(),
                            s.negatives().get(i).name(),
                            h.list(),
                            h.entryId(),
                            h.matchedName(),
                            h.explanation());
                }
            }
        }
    }
}
