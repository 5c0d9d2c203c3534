package org.gatehouse.agreements;

import java.time.Instant;
import java.util.Objects;

/**
 * A security commitment of the host government (SPEC §7), numbered from 1 within its agreement, with its status and
 * the note of the officer who last set it.
 */
public record SecurityCommitment(
        int number, String text, CommitmentStatus status, String note, String changedBy, Instant changedAt) {

    /** Longest commitment text or note. */
    public static final int TEXT_CHARS_MAX = 4_000;

    public SecurityCommitment {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
        if (number < 1) {
            throw new IllegalArgumentException("commitments are numbered from 1, got " + number);
        }
    }

    SecurityCommitment withStatus(CommitmentStatus to, String why, String by, Instant at) {
        return new SecurityCommitment(number, text, to, why, by, at);
    }
}
