package org.gatehouse.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules for the set of roles one user holds. */
public final class Roles {

    /** No user needs more; a bound on input like every list of the API. */
    public static final int COUNT_MAX = Role.values().length;

    private Roles() {}

    /**
     * Checks {@code roles} for a user of an organization of {@code kind} and returns them as an
     * immutable set in declaration order.
     *
     * @throws IllegalArgumentException if empty, not allowed in the organization's kind, or
     *     AUDITOR combined with another role (an auditor changes nothing, so it cannot also be an admin)
     */
    public static Set<Role> check(Set<Role> roles, OrganizationKind kind) {
        Set<Role> checked = checkAlone(roles);
        Set<Role> refused = EnumSet.copyOf(checked);
        refused.removeAll(kind.allowedRoles());
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException(
                    names(refused) + (refused.size() == 1 ? " is" : " are") + " not allowed in an organization of kind "
                            + kind + " (allowed: " + names(kind.allowedRoles()) + ")");
        }
        return checked;
    }

    /** The checks that do not need the organization: at least one role, AUDITOR alone. */
    public static Set<Role> checkAlone(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("at least one role is required");
        }
        if (roles.stream().anyMatch(Objects::isNull)) { // Set.of(…).contains(null) would throw
            throw new IllegalArgumentException("roles must not contain null");
        }
        if (roles.contains(Role.AUDITOR) && roles.size() > 1) {
            throw new IllegalArgumentException("AUDITOR cannot be combined with other roles: auditors change nothing");
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(", "));
    }
}
