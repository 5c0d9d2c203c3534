package org.gatehouse.screening;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The labelled evaluation set (src/test/resources/screening) and the figures measured on it: the score each positive
 * gets for the entry it must find, and the best score each negative gets for any entry, so that recall and
 * false-positive rate can be read at every threshold from one screening pass.
 */
final class Evaluation {

    static final Path FOLDER = Path.of("src/test/resources/screening");
    /** Positives and negatives are screened at this threshold; any threshold above it can then be evaluated. */
    static final double FLOOR = 0.5;
    /** The targets at the default threshold. */
    static final double RECALL_MIN = 0.95;

    static final double FALSE_POSITIVE_RATE_MAX = 0.01;

    /** A query that must find entry {@code entryId} of {@code list}. */
    record Positive(String kind, String query, String list, String entryId) {}

    /** A real organization that is not listed. */
    record Negative(String category, String name) {}

    /** A cross-script pair from moov-io/watchman: the query must score against the expected name alone. */
    record Pair(String query, String expected, double referenceScore, String description) {}

    /** What screening gave: per positive the expected entry's score (0 when not found), per negative the best score. */
    record Scores(
            List<Positive> positives,
            double[] positiveScores,
            List<Negative> negatives,
            double[] negativeScores,
            List<Hit> negativeBest) {

        double recall(double threshold) {
            return share(positiveScores, threshold);
        }

        double falsePositiveRate(double threshold) {
            return share(negativeScores, threshold);
        }

        /** Recall per kind, in the order the kinds first appear. */
        Map<String, double[]> recallByKind(double threshold) {
            Map<String, double[]> byKind = new LinkedHashMap<>();
            for (int i = 0; i < positives.size(); i++) {
                double[] counts = byKind.computeIfAbsent(positives.get(i).kind(), k -> new double[2]);
                counts[0]++;
                counts[1] += positiveScores[i] >= threshold ? 1 : 0;
            }
            return byKind;
        }

        /** False positives per category of negatives. */
        Map<String, double[]> falsePositivesByCategory(double threshold) {
            Map<String, double[]> byCategory = new LinkedHashMap<>();
            for (int i = 0; i < negatives.size(); i++) {
                double[] counts = byCategory.computeIfAbsent(negatives.get(i).category(), k -> new double[2]);
                counts[0]++;
                counts[1] += negativeScores[i] >= threshold ? 1 : 0;
            }
            return byCategory;
        }

        /**
         * The lowest threshold (in steps of 0.01 from {@link #FLOOR}) whose false-positive rate is at most
         * {@link #FALSE_POSITIVE_RATE_MAX}: the one with the highest recall under that constraint.
         */
        double chosenThreshold() {
            for (int step = (int) Math.round(FLOOR * 100); step <= 100; step++) {
                double t = step / 100.0;
                if (falsePositiveRate(t) <= FALSE_POSITIVE_RATE_MAX) {
                    return t;
                }
            }
            return 1.0;
        }

        private static double share(double[] scores, double threshold) {
            int n = 0;
            for (double s : scores) {
                n += s >= threshold - 1e-9 ? 1 : 0;
            }
            return scores.length == 0 ? 0 : (double) n / scores.length;
        }
    }

    private Evaluation() {}

    static List<Positive> positives() throws IOException {
        List<Positive> positives = new ArrayList<>();
        for (String[] r : rows("evaluation.csv", true)) {
            positives.add(new Positive(r[0], r[1], r[2], r[3]));
        }
        for (String[] r : rows("cross-script.csv", false)) {
            positives.add(new Positive("other-scripts", r[0], r[1], r[2]));
        }
        return positives;
    }

    static List<Negative> negatives() throws IOException {
        return rows("negatives.csv", true).stream()
                .map(r -> new Negative(r[0], r[1]))
                .toList();
    }

    static List<Pair> pairs() throws IOException {
        return rows("cross-script-pairs.csv", false).stream()
                .map(r -> new Pair(r[0], r[1], Double.parseDouble(r[2]), r[3]))
                .toList();
    }

    /** Screens every positive and negative once at {@link #FLOOR}; cross-script pairs count as positives of kind "cross-script-pairs". */
    static Scores score(Screener screener) throws IOException {
        List<Positive> positives = new ArrayList<>(positives());
        List<Double> scores = new ArrayList<>();
        for (Positive p : positives) {
            double best = 0;
            for (Hit h : screener.screen(p.query(), null, FLOOR)) {
                if (h.list().equals(p.list()) && h.entryId().equals(p.entryId())) {
                    best = Math.max(best, h.score());
                }
            }
            scores.add(best);
        }
        for (Pair pair : pairs()) {
            positives.add(new Positive("cross-script-pairs", pair.query(), "PAIR", pair.expected()));
            scores.add(pairScore(pair));
        }
        List<Negative> negatives = negatives();
        double[] negativeScores = new double[negatives.size()];
        List<Hit> best = new ArrayList<>();
        for (int i = 0; i < negatives.size(); i++) {
            List<Hit> hits = screener.screen(negatives.get(i).name(), null, FLOOR);
            negativeScores[i] = hits.isEmpty() ? 0 : hits.getFirst().score();
            best.add(hits.isEmpty() ? null : hits.getFirst());
        }
        return new Scores(
                positives, scores.stream().mapToDouble(Double::doubleValue).toArray(), negatives, negativeScores, best);
    }

    /** The score of a pair's query against a list holding only its expected name. */
    static double pairScore(Pair pair) {
        ListEntry entry = new ListEntry(
                "PAIR",
                pair.expected(),
                EntryType.UNKNOWN,
                pair.expected(),
                List.of(),
                java.util.Set.of(),
                List.of(),
                "PAIR");
        ScreeningList list = new ScreeningList("PAIR", "", List.of(), List.of(entry));
        List<Hit> hits = Screener.of(List.of(list)).screen(pair.query(), null, FLOOR);
        return hits.isEmpty() ? 0 : hits.getFirst().score();
    }

    /** The records of a file of the folder, without {@code #} comment lines and (when it has one) the header. */
    private static List<String[]> rows(String file, boolean header) throws IOException {
        String text = Files.readAllLines(FOLDER.resolve(file), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .collect(Collectors.joining("\n"));
        List<DelimitedRecords.Record> records = DelimitedRecords.parse(file, text, ',');
        return records.subList(header ? 1 : 0, records.size()).stream()
                .map(DelimitedRecords.Record::fields)
                .toList();
    }
}
