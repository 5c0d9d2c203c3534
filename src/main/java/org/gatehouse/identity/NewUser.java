package org.gatehouse.identity;

import java.util.Objects;
import java.util.Set;
import org.gatehouse.trade.OrganizationId;

/** What it takes to create an account; the roles are checked against the organization on creation. */
public record NewUser(
        Username username, DisplayName displayName, OrganizationId organizationId, Set<Role> roles, Password password) {

    public NewUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(password, "password");
        roles = Roles.checkAlone(roles);
    }
}
