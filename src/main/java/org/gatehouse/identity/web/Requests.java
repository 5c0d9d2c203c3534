package org.gatehouse.identity.web;

import java.time.Instant;
import java.util.List;
import org.gatehouse.identity.Agency;
import org.gatehouse.identity.OrganizationKind;
import org.gatehouse.identity.Role;

/**
 * Request bodies as clients send them. Deliberately loose (strings, nullable): the controllers
 * turn them into self-checking values through an {@link org.gatehouse.system.InputCheck}, which
 * names every bad field at once. Unknown fields are refused by Jackson.
 */
final class Requests {

    private Requests() {}

    record CreateOrganization(String name, OrganizationKind kind, Agency agency) {}

    record CreateUser(String username, String displayName, String organizationId, List<Role> roles, String password) {}

    /** @param version the user's version as last read; when given, a concurrent change is refused (409) */
    record ChangeRoles(List<Role> roles, Long version) {}

    /** @param expiresAt when the token stops working; omitted: never */
    record CreateToken(String name, Instant expiresAt) {}
}
