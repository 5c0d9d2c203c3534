package org.gatehouse.applications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.Paging;

/** Where applications are kept. Every change names the version it expects, so a stale write changes nothing. */
public interface Applications {

    void insert(StoredApplication application);

    /** The application; with {@code forUpdate} it stays locked until the transaction ends. */
    Optional<StoredApplication> find(ApplicationId id, boolean forUpdate);

    /** Replaces a draft's content; false when it is no longer at {@code expectedVersion} or no longer a draft. */
    boolean updateDraft(ApplicationId id, long expectedVersion, ApplicationContent content, Instant now);

    /** Moves {@code from} → {@code to}; false when the version or the state changed meanwhile. */
    boolean move(ApplicationId id, long expectedVersion, ApplicationState from, ApplicationState to, Instant now);

    /** Records the submission of a draft: its new state and the assessment it was registered with. */
    boolean register(
            ApplicationId id,
            long expectedVersion,
            ApplicationState to,
            StoredApplication.Registration registration,
            Instant now);

    /** A page of applications matching {@code filter}, newest first; discarded drafts are left out. */
    List<StoredApplication> list(ApplicationFilter filter, Paging paging);
}
