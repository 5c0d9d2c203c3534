package org.gatehouse.preapproval;

import java.util.List;
import java.util.Optional;
import org.gatehouse.trade.Paging;

/** Where inspections are kept (implemented over SQL in {@code jdbc/}); a save names the version it was read at. */
public interface Inspections {

    void insert(Inspection scheduled);

    Optional<Inspection> find(InspectionId id);

    /** The inspection, locked until the transaction ends. */
    Optional<Inspection> findForUpdate(InspectionId id);

    /** Writes it as it is now if the stored row is still at its stored version; false (nothing written) otherwise. */
    boolean save(Inspection changed);

    /** A page of the inspections matching {@code filter}, the soonest scheduled first. */
    List<Inspection> list(InspectionFilter filter, Paging paging);
}
