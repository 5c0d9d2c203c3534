package org.gatehouse.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The index loses nothing that matters: for the names of the evaluation set, screening through the index finds exactly
 * the entries that comparing the name with every listed word and scoring every listed name finds, down to a score of
 * {@value #THRESHOLD}, with scores that differ by at most {@value #SCORE_TOLERANCE} (a word pair of little similarity
 * that the index does not look for). The exhaustive comparison takes about 80 ms a name, so a seeded quarter of the
 * names is compared; {@code -Dscreening.index.all=true} compares all.
 */
class ScreenerIndexTests {

    /** Compared down to this score, well under the default threshold, so near misses are compared too. */
    private static final double THRESHOLD = 0.6;

    private static final double SCORE_TOLERANCE = 0.02;
    private static final long SEED = 20_261_127L;

    @Test
    void theIndexFindsEveryHitThatAnExhaustiveComparisonFinds() throws IOException {
        Screener screener = ScreenerTests.BUNDLED;
        List<String> names = new ArrayList<>();
        Evaluation.positives().forEach(p -> names.add(p.query()));
        Evaluation.negatives().forEach(n -> names.add(n.name()));
        assertThat(names).hasSizeGreaterThan(1_300);
        boolean all = Boolean.getBoolean("screening.index.all");
        java.util.Collections.shuffle(names, new java.util.Random(SEED));
        List<String> compared = all ? names : names.subList(0, names.size() / 4);
        List<String> differences = new ArrayList<>();
        int hits = 0;
        for (String name : compared) {
            List<Hit> indexed = screener.screen(name, null, THRESHOLD);
            List<Hit> exhaustive = screener.screenExhaustively(name, null, THRESHOLD);
            hits += exhaustive.size();
            if (!sameEntries(indexed, exhaustive)) {
                differences.add(name + ": index " + describe(indexed) + ", exhaustive " + describe(exhaustive));
            }
        }
        assertThat(hits).as("hits compared").isGreaterThan(compared.size() / 2);
        assertThat(differences).as("names whose hits differ").isEmpty();
    }

    private static boolean sameEntries(List<Hit> indexed, List<Hit> exhaustive) {
        java.util.Map<String, Double> scores = new java.util.HashMap<>();
        exhaustive.forEach(h -> scores.put(h.list() + " " + h.entryId(), h.score()));
        if (indexed.size() != exhaustive.size()) {
            return false;
        }
        for (Hit h : indexed) {
            Double other = scores.get(h.list() + " " + h.entryId());
            if (other == null || Math.abs(other - h.score()) > SCORE_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static List<String> describe(List<Hit> hits) {
        return hits.stream()
                .map(h -> h.list() + " " + h.entryId() + " " + Screener.format(h.score()))
                .toList();
    }
}
