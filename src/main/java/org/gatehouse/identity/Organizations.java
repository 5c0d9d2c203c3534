package org.gatehouse.identity;

import java.util.List;
import java.util.Optional;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;

/** Where organizations are kept (implemented over SQL in {@code jdbc/}). No authorization here: the services decide. */
public interface Organizations {

    /** Inserts {@code organization}; false if its name (by canonical key) is taken, and nothing was written. */
    boolean insert(Organization organization);

    Optional<Organization> find(OrganizationId id);

    Optional<Organization> findByName(String name);

    /** By name, case-insensitively, then id (names are unique, the id only makes the order total). */
    List<Organization> list(Paging paging);
}
