package org.gatehouse.identity;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts and changes them (roles, enabled, password); every change is audited in its
 * transaction. Only ADMIN changes anything; ADMIN and AUDITOR read every account; a user reads its own.
 */
@Service
public class UserService {

    private final Users users;
    private final Organizations organizations;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final Clock clock;

    UserService(
            Users users, Organizations organizations, PasswordEncoder passwordEncoder, AuditLog auditLog, Clock clock) {
        this.users = users;
        this.organizations = organizations;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException if the organization does not exist or does not allow the roles
     * @throws ConflictException if the username is taken
     */
    @Transactional
    public User create(CurrentUser caller, NewUser request) {
        caller.require(Role.ADMIN);
        caller.requireWriter();
        Organization organization = organizations
                .find(request.organizationId())
                .orElseThrow(() -> InvalidInputException.of("organizationId", "no such organization"));
        Set<Role> roles = checkRoles(request.roles(), organization);
        User user = new User(
                UserId.random(),
                request.username(),
                request.displayName(),
                organization.id(),
                roles,
                true,
                OrganizationService.now(clock),
                0);
        if (!users.insert(user, passwordEncoder.encode(request.password().value()))) {
            throw new ConflictException("the username '" + request.username() + "' is taken");
        }
        auditLog.append(new AuditEntry(
                caller.actor(),
                "user.created",
                "user",
                user.id().toString(),
                Map.of(
                        "username", user.username().value(),
                        "displayName", user.displayName().value(),
                        "organizationId", organization.id().toString(),
                        "roles", names(roles))));
        return user;
    }

    /** Accounts by username, of one organization when {@code organization} is not null; ADMIN and AUDITOR only. */
    @Transactional(readOnly = true)
    public List<User> list(CurrentUser caller, OrganizationId organization, Paging paging) {
        caller.require(Role.ADMIN, Role.AUDITOR);
        return users.list(organization, paging);
    }

    /** An account its caller may see: its own, or any for ADMIN and AUDITOR; others are not found. */
    @Transactional(readOnly = true)
    public User get(CurrentUser caller, UserId id) {
        if (!caller.hasAny(Role.ADMIN, Role.AUDITOR) && !id.equals(caller.userId())) {
            throw new NotFoundException("user", id);
        }
        return users.find(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    @Transactional(readOnly = true)
    public User getByUsername(CurrentUser caller, Username username) {
        caller.require(Role.ADMIN, Role.AUDITOR);
        return users.findWithPassword(username)
                .map(Users.WithPassword::user)
                .orElseThrow(() -> new NotFoundException("user", "'" + username + "'"));
    }

    /**
     * Whether {@code username} names an enabled account holding {@code role}: for the modules that let one user hand
     * work to another (an officer assigning a case), which authorize their own callers.
     */
    @Transactional(readOnly = true)
    public boolean holds(Username username, Role role) {
        return users.findWithPassword(username)
                .map(Users.WithPassword::user)
                .filter(User::enabled)
                .filter(u -> u.roles().contains(role))
                .isPresent();
    }

    /**
     * Disables the account: it can no longer sign in, its sessions stop working at their next
     * request and its tokens at once. Disabling a disabled account changes nothing.
     */
    @Transactional
    public User disable(CurrentUser caller, UserId id) {
        return setEnabled(caller, id, false);
    }

    @Transactional
    public User enable(CurrentUser caller, UserId id) {
        return setEnabled(caller, id, true);
    }

    private User setEnabled(CurrentUser caller, UserId id, boolean enabled) {
        caller.require(Role.ADMIN);
        caller.requireWriter();
        User user = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
        if (user.enabled() == enabled) {
            return user;
        }
        if (!enabled && id.equals(caller.userId())) {
            throw new ConflictException("you cannot disable your own account");
        }
        if (!users.updateEnabled(id, enabled, user.version())) {
            throw new ConflictException("user " + id + " was changed concurrently; try again");
        }
        auditLog.append(new AuditEntry(
                caller.actor(),
                enabled ? "user.enabled" : "user.disabled",
                "user",
                id.toString(),
                Map.of("username", user.username().value())));
        return users.find(id).orElseThrow();
    }

    /**
     * Replaces the account's roles.
     *
     * @param expectedVersion the version the caller read, or null to skip the check
     * @throws ConflictException if the version is stale, or an admin would remove its own ADMIN role
     */
    @Transactional
    public User changeRoles(CurrentUser caller, UserId id, Set<Role> roles, Long expectedVersion) {
        caller.require(Role.ADMIN);
        caller.requireWriter();
        User user = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
        if (expectedVersion != null && expectedVersion != user.version()) {
            throw new ConflictException("user " + id + " is at version " + user.version() + ", not " + expectedVersion);
        }
        Organization organization = organizations.find(user.organizationId()).orElseThrow();
        Set<Role> checked = checkRoles(roles, organization);
        if (checked.equals(user.roles())) {
            return user;
        }
        if (id.equals(caller.userId()) && !checked.contains(Role.ADMIN)) {
            throw new ConflictException("you cannot remove your own ADMIN role");
        }
        if (!users.updateRoles(id, checked, user.version())) {
            throw new ConflictException("user " + id + " was changed concurrently; try again");
        }
        auditLog.append(new AuditEntry(
                caller.actor(),
                "user.roles_changed",
                "user",
                id.toString(),
                Map.of("username", user.username().value(), "before", names(user.roles()), "after", names(checked))));
        return users.find(id).orElseThrow();
    }

    /** Sets a new password (ADMIN: the CLI and the demo accounts); audited without the password. */
    @Transactional
    public User setPassword(CurrentUser caller, UserId id, Password password) {
        caller.require(Role.ADMIN);
        caller.requireWriter();
        User user = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
        if (!users.updatePasswordHash(id, passwordEncoder.encode(password.value()), user.version())) {
            throw new ConflictException("user " + id + " was changed concurrently; try again");
        }
        auditLog.append(new AuditEntry(
                caller.actor(),
                "user.password_changed",
                "user",
                id.toString(),
                Map.of("username", user.username().value())));
        return users.find(id).orElseThrow();
    }

    /**
     * Changes the caller's own password, after checking its current one (a session left open must not be enough to
     * lock its owner out). Every signed-in person may, auditors too: their own credential is not a record they audit,
     * and an administrator who set it would know it. Audited, without either password, as {@code user.password_changed} with {@code "self":
     * true}. A wrong current password is refused naming the field {@code currentPassword}; nothing is written.
     *
     * @throws InvalidInputException when {@code current} is not the account's password, or {@code next} equals it
     */
    @Transactional
    public User changeOwnPassword(CurrentUser caller, Password current, Password next) {
        if (caller.isSystem()) {
            throw new AccessDeniedException("a system actor has no password");
        }
        Users.WithPassword account = users.findWithPassword(caller.userId())
                .orElseThrow(() -> new NotFoundException("user", caller.userId()));
        if (!passwordEncoder.matches(current.value(), account.passwordHash())) {
            throw InvalidInputException.of("currentPassword", "is not your current password");
        }
        if (current.value().equals(next.value())) {
            throw InvalidInputException.of("newPassword", "must differ from your current password");
        }
        User user = account.user();
        if (!users.updatePasswordHash(user.id(), passwordEncoder.encode(next.value()), user.version())) {
            throw new ConflictException("your account was changed meanwhile; try again");
        }
        auditLog.append(new AuditEntry(
                caller.actor(),
                "user.password_changed",
                "user",
                user.id().toString(),
                Map.of("username", user.username().value(), "self", true)));
        return users.find(user.id()).orElseThrow();
    }

    /** Whether {@code password} is the account's password (the demo set-up uses it to avoid needless changes). */
    @Transactional(readOnly = true)
    boolean passwordMatches(UserId id, Password password) {
        return users.findWithPassword(id)
                .map(u -> passwordEncoder.matches(password.value(), u.passwordHash()))
                .orElse(false);
    }

    /**
     * The caller as it is now, for an enabled account; empty if the account is disabled or gone. For sign-in and
     * sessions ({@code identity.security}).
     */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> currentUser(UserId id) {
        return users.find(id).filter(User::enabled).flatMap(this::withOrganization);
    }

    /** The account behind a login name, with its password hash, for the login check only ({@code identity.security}). */
    @Transactional(readOnly = true)
    public Optional<Users.WithPassword> loginAccount(Username username) {
        return users.findWithPassword(username);
    }

    /** The caller a user stands for, with its organization ({@code identity.security}). */
    public Optional<CurrentUser> withOrganization(User user) {
        return organizations.find(user.organizationId()).map(organization -> CurrentUser.of(user, organization));
    }

    private static Set<Role> checkRoles(Set<Role> roles, Organization organization) {
        try {
            return Roles.check(roles, organization.kind());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("roles", e.getMessage());
        }
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Role::name).toList();
    }
}
