package org.gatehouse.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.gatehouse.trade.OrganizationId;

/**
 * A person's account: belongs to one organization for its whole life, holds roles that
 * organization's kind allows, and is disabled rather than deleted. Holds no password hash.
 */
public record User(
        UserId id,
        Username username,
        DisplayName displayName,
        OrganizationId organizationId,
        Set<Role> roles,
        boolean enabled,
        Instant createdAt,
        long version) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(createdAt, "createdAt");
        roles = Roles.checkAlone(roles);
    }
}
