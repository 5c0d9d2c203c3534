package org.gatehouse.screening;

import java.util.List;
import java.util.Locale;
import org.gatehouse.policy.Json;

/**
 * The JSON form of a screening's hits, shared by {@code gatehouse screen --format json} and {@code GET
 * /api/v1/screening} so both answer alike: {@code "hits":[{"list","entry_id","name","score","explanation"}]}, best
 * first, scores with three decimals.
 */
public final class HitsJson {

    private HitsJson() {}

    /** Appends {@code "hits":[…]} to {@code text}. */
    public static void hits(List<Hit> hits, StringBuilder text) {
        text.append("\"hits\":[");
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            text.append(i == 0 ? "" : ",").append("{\"list\":");
            Json.string(h.list(), text);
            text.append(",\"entry_id\":");
            Json.string(h.entryId(), text);
            text.append(",\"name\":");
            Json.string(h.matchedName(), text);
            text.append(",\"score\":").append(score(h)).append(",\"explanation\":");
            Json.string(h.explanation(), text);
            text.append('}');
        }
        text.append(']');
    }

    /** The score with three decimals, as written in the output. */
    public static String score(Hit h) {
        return String.format(Locale.ROOT, "%.3f", h.score());
    }
}
