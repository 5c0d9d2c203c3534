package org.gatehouse.screening;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.gatehouse.trade.ApplicationId;

/**
 * A party of a submitted application whose name is not registered but resembles a registered company: POSSIBLE_SAME_
 * COMPANY until an officer confirms it (the application's compute then counts under the registered company) or
 * separates it (a different company).
 *
 * @param roles which of the application's measure parties carry the name: ULTIMATE_PARENT, END_USER or both
 */
public record RegisterMatch(
        long id,
        ApplicationId applicationId,
        String name,
        String key,
        List<String> roles,
        UUID company,
        String companyName,
        double score,
        String explanation,
        State state,
        Instant foundAt,
        String reason,
        String decidedBy,
        Instant decidedAt) {

    public RegisterMatch {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        roles = List.copyOf(roles);
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(state, "state");
    }

    /** Where the match stands. */
    public enum State {
        PENDING,
        CONFIRMED,
        SEPARATED
    }

    /** The flag it raises on the application's case. */
    public String flag() {
        return "same-company:" + id;
    }
}
