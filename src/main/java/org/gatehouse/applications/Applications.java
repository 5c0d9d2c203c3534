package org.gatehouse.applications;

import java.util.List;
import java.util.Optional;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.Paging;

/**
 * Where applications are kept (implemented over SQL in {@code jdbc/}). An application is read and written whole;
 * a save names the version it was read at, so a stale write changes nothing.
 */
public interface Applications {

    void insert(Application application);

    /** The application as stored now. */
    Optional<Application> find(ApplicationId id);

    /** The application, locked until the transaction ends: changes of one application are serial. */
    Optional<Application> findForUpdate(ApplicationId id);

    /**
     * Writes {@code application} as it is now, if the stored row is still at {@link Application#storedVersion()};
     * false (and nothing written) when another change came first.
     */
    boolean save(Application application);

    /** A page of applications matching {@code filter}, newest first; discarded drafts are left out. */
    List<Application> list(ApplicationFilter filter, Paging paging);
}
