package org.gatehouse.screening;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where screening hits are kept (implemented over SQL in {@code jdbc/}); one row per subject, party, entry and kind. */
public interface ScreeningHits {

    /** Records a new hit; empty (nothing written) when the subject already has it for this party and entry. */
    Optional<Long> insertIfNew(ScreeningHit hit);

    /** The hits of one subject, oldest first. */
    List<ScreeningHit> of(ScreeningHit.Subject kind, UUID subject);

    Optional<ScreeningHit> find(long id);

    /** The hit, locked until the transaction ends: dispositions of one hit are serial. */
    Optional<ScreeningHit> findForUpdate(long id);

    /** Records the officer's disposition of a hit that has none yet; false when it has one. */
    boolean disposition(long id, Disposition disposition, String reason, String by, Instant at);

    /** Hits awaiting a disposition, the oldest first, after hit {@code afterId}, at most {@code max}. */
    List<ScreeningHit> pending(long afterId, int max);
}
