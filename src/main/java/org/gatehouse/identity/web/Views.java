package org.gatehouse.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gatehouse.identity.Agency;
import org.gatehouse.identity.ApiToken;
import org.gatehouse.identity.Organization;
import org.gatehouse.identity.OrganizationKind;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.User;
import org.gatehouse.trade.Paging;

/** The JSON shapes of the identity API: flat, with ids as strings, and never a password hash or token secret. */
final class Views {

    private Views() {}

    record OrganizationView(
            String id, String name, OrganizationKind kind, Agency agency, Instant createdAt, long version) {
        static OrganizationView of(Organization o) {
            return new OrganizationView(
                    o.id().toString(), o.name().value(), o.kind(), o.agency(), o.createdAt(), o.version());
        }
    }

    record UserView(
            String id,
            String username,
            String displayName,
            String organizationId,
            Set<Role> roles,
            boolean enabled,
            Instant createdAt,
            long version) {
        static UserView of(User u) {
            return new UserView(
                    u.id().toString(),
                    u.username().value(),
                    u.displayName().value(),
                    u.organizationId().toString(),
                    u.roles(),
                    u.enabled(),
                    u.createdAt(),
                    u.version());
        }
    }

    record TokenView(
            String id,
            String userId,
            String name,
            String prefix,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(
                    t.id().toString(),
                    t.userId().toString(),
                    t.name().value(),
                    t.prefix(),
                    t.createdAt(),
                    t.expiresAt(),
                    t.revokedAt(),
                    t.lastUsedAt());
        }
    }

    /** A created token with its secret: the only response that ever carries it. */
    record IssuedTokenView(TokenView token, String secret) {}

    record MeView(UserView user, OrganizationView organization) {}

    /** One page of a list, with the paging that produced it (ask again with offset + limit for more). */
    record PageView<T>(List<T> items, int limit, int offset) {
        static <T> PageView<T> of(List<T> items, Paging paging) {
            return new PageView<>(items, paging.limit(), paging.offset());
        }
    }
}
