package org.gatehouse.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;

/** Where accounts are kept (implemented over SQL in {@code jdbc/}): users with their roles and password hashes. No authorization here: the services decide. */
public interface Users {

    /** A user with the hash of its password, for login only: the hash never leaves this module. */
    record WithPassword(User user, String passwordHash) {}

    /** Inserts the user and its roles; false if the username is taken, and nothing was written. */
    boolean insert(User user, String passwordHash);

    Optional<User> find(UserId id);

    Optional<WithPassword> findWithPassword(UserId id);

    Optional<WithPassword> findWithPassword(Username username);

    /** Users by username; only those of {@code organization} when it is not null. */
    List<User> list(OrganizationId organization, Paging paging);

    /**
     * Sets enabled, if the row still has {@code expectedVersion}; false when another change came first.
     */
    boolean updateEnabled(UserId id, boolean enabled, long expectedVersion);

    /** Replaces the roles, if the row still has {@code expectedVersion}; false when another change came first. */
    boolean updateRoles(UserId id, Set<Role> roles, long expectedVersion);

    /** Replaces the password hash, if the row still has {@code expectedVersion}. */
    boolean updatePasswordHash(UserId id, String passwordHash, long expectedVersion);
}
