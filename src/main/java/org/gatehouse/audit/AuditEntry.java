package org.gatehouse.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A change to be recorded: who did what to which record, with the details (before/after, reason)
 * that explain it. Checked on construction so that a bad entry fails before any SQL runs.
 *
 * @param actor who acted: a user name, a token's owner, or {@code system}
 * @param action what happened, lower case with dots, e.g. {@code application.submitted}
 * @param entityType the kind of record changed, e.g. {@code application}
 * @param entityId the record's identifier
 * @param payload details; any JSON-serializable values (numbers exact within ±2^53, else strings)
 */
public record AuditEntry(String actor, String action, String entityType, String entityId, Map<String, ?> payload) {

    public static final int ACTOR_LENGTH_MAX = 200;
    public static final int ENTITY_TYPE_LENGTH_MAX = 100;
    public static final int ENTITY_ID_LENGTH_MAX = 200;
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_.-]{0,99}");

    public AuditEntry {
        requireText("actor", actor, ACTOR_LENGTH_MAX);
        requireText("entityType", entityType, ENTITY_TYPE_LENGTH_MAX);
        requireText("entityId", entityId, ENTITY_ID_LENGTH_MAX);
        Objects.requireNonNull(action, "action");
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action must match " + ACTION + ", got '" + action + "'");
        }
        // A copy that keeps nulls (JSON null is a value: "no tier") and the caller's order.
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(payload, "payload")));
    }

    private static void requireText(String name, String value, int lengthMax) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > lengthMax) {
            throw new IllegalArgumentException(
                    name + " must be 1.." + lengthMax + " characters, got " + value.length());
        }
    }
}
