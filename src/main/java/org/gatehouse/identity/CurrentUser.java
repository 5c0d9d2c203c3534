package org.gatehouse.identity;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.OrganizationId;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who is calling, as services see it: passed explicitly to every service method that reads or
 * writes records, which then decide with the checks below. Controllers receive it as a method
 * parameter (resolved from the security context); the CLI uses {@link #system}.
 *
 * <p>Rules every module follows: a user sees its own organization's records
 * ({@link #requireVisible}: others' answer 404, exactly like a missing id); officers and auditors
 * see every organization's; agencies see only what is referred to {@link #agency()} (the module
 * that refers cases checks that); auditors change nothing ({@link #requireWriter}).
 *
 * @param userId the account, or null for a system actor (the CLI, start-up jobs)
 * @param actor the name recorded in the audit log: the username, or e.g. {@code cli:alice}
 * @param organizationId the user's organization, or null for a system actor
 * @param organizationKind the organization's kind, or null for a system actor
 * @param agency for users of an agency, which one; else null
 * @param roles the roles held now (a system actor holds ADMIN)
 */
public record CurrentUser(
        UserId userId,
        String actor,
        OrganizationId organizationId,
        OrganizationKind organizationKind,
        Agency agency,
        Set<Role> roles) {

    public CurrentUser {
        Objects.requireNonNull(actor, "actor");
        roles = Roles.checkAlone(roles);
        if ((userId == null) != (organizationId == null) || (organizationId == null) != (organizationKind == null)) {
            throw new IllegalArgumentException("a user has an id, an organization and its kind; a system actor none");
        }
    }

    /** The caller as a user of {@code organization}. */
    public static CurrentUser of(User user, Organization organization) {
        if (!user.organizationId().equals(organization.id())) {
            throw new IllegalArgumentException(
                    "user " + user.username() + " does not belong to " + organization.name());
        }
        return new CurrentUser(
                user.id(),
                user.username().value(),
                organization.id(),
                organization.kind(),
                organization.agency(),
                user.roles());
    }

    /** An operator acting outside the web (the CLI on the server's database): admin rights, audited as {@code actor}. */
    public static CurrentUser system(String actor) {
        return new CurrentUser(null, actor, null, null, null, Set.of(Role.ADMIN));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... anyOf) {
        return Arrays.stream(anyOf).anyMatch(roles::contains);
    }

    public boolean isSystem() {
        return userId == null;
    }

    public boolean belongsTo(OrganizationId organization) {
        return organizationId != null && organizationId.equals(organization);
    }

    /** Officers (who review every case) and auditors (who read everything) see all organizations' records. */
    public boolean seesAllOrganizations() {
        return hasAny(Role.OFFICER, Role.AUDITOR);
    }

    /** Whether a record owned by {@code owner} is visible to this caller. */
    public boolean canSee(OrganizationId owner) {
        return belongsTo(owner) || seesAllOrganizations();
    }

    /**
     * Refuses, as not found, a record owned by another organization that this caller may not see:
     * the answer must be the same as for an id that does not exist.
     */
    public void requireVisible(OrganizationId owner, String what, Object id) {
        if (!canSee(owner)) {
            throw new NotFoundException(what, id);
        }
    }

    /** @throws AccessDeniedException unless the caller holds one of {@code anyOf} */
    public void require(Role... anyOf) {
        if (!hasAny(anyOf)) {
            throw new AccessDeniedException(
                    "requires the role " + Arrays.stream(anyOf).map(Role::name).collect(Collectors.joining(" or ")));
        }
    }

    /** @throws AccessDeniedException for an auditor: auditors read everything and change nothing */
    public void requireWriter() {
        if (has(Role.AUDITOR)) {
            throw new AccessDeniedException("auditors have read-only access");
        }
    }
}
