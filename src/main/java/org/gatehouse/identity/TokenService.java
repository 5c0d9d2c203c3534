package org.gatehouse.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and revokes API tokens (ADMIN only; AUDITOR may list), and authenticates requests
 * by them. Every request looks its token up (no cache), so a revocation, an expiry or a disabled
 * account takes effect at the next request.
 */
@Service
public class TokenService {

    /** Tokens live at most this long: long-lived secrets end up in places nobody remembers. */
    public static final Duration LIFETIME_MAX = Duration.ofDays(2 * 366);

    private final ApiTokens tokens;
    private final Users users;
    private final UserService userService;
    private final AuditLog auditLog;
    private final Clock clock;

    TokenService(ApiTokens tokens, Users users, UserService userService, AuditLog auditLog, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.userService = userService;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Issues a token for {@code userId}; the returned secret is shown once and never stored.
     *
     * @param expiresAt when it stops working, or null for never (within {@link #LIFETIME_MAX} when set)
     * @throws InvalidInputException if {@code expiresAt} is not in the future or too far in it
     * @throws ConflictException if the account is disabled
     */
    @Transactional
    public IssuedToken create(CurrentUser caller, UserId userId, TokenName name, Instant expiresAt) {
        caller.require(Role.ADMIN);
        caller.requireWriter();
        User user = users.find(userId).orElseThrow(() -> new NotFoundException("user", userId));
        Instant now = OrganizationService.now(clock);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw InvalidInputException.of("expiresAt", "must be in the future");
        }
        if (expiresAt != null && expiresAt.isAfter(now.plus(LIFETIME_MAX))) {
            throw InvalidInputException.of("expiresAt", "must be within " + LIFETIME_MAX.toDays() + " days");
        }
        if (!user.enabled()) {
            throw new ConflictException("user " + user.username() + " is disabled");
        }
        TokenSecret secret = TokenSecret.generate();
        ApiToken token = new ApiToken(
                TokenId.random(),
                userId,
                name,
                secret.displayPrefix(),
                now,
                expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS),
                null,
                null);
        tokens.insert(token, secret.sha256Hex());
        Map<String, Object> payload = new HashMap<>();
        payload.put("userId", userId.toString());
        payload.put("username", user.username().value());
        payload.put("name", name.value());
        payload.put("prefix", token.prefix());
        if (token.expiresAt() != null) {
            payload.put("expiresAt", token.expiresAt().toString());
        }
        auditLog.append(new AuditEntry(
                caller.actor(), "token.created", "api_token", token.id().toString(), payload));
        return new IssuedToken(token, secret);
    }

    /** The account's tokens, newest first, without secrets; ADMIN and AUDITOR only. */
    @Transactional(readOnly = true)
    public List<ApiToken> list(CurrentUser caller, UserId userId, Paging paging) {
        caller.require(Role.ADMIN, Role.AUDITOR);
        users.find(userId).orElseThrow(() -> new NotFoundException("user", userId));
        return tokens.listForUser(userId, paging);
    }

    @Transactional(readOnly = true)
    public ApiToken get(CurrentUser caller, TokenId id) {
        caller.require(Role.ADMIN, Role.AUDITOR);
        return tokens.find(id).orElseThrow(() -> new NotFoundException("token", id));
    }

    /** Revokes the token: the next request with it is refused. Revoking a revoked token changes nothing. */
    @Transactional
    public ApiToken revoke(CurrentUser caller, TokenId id) {
        caller.require(Role.ADMIN);
        caller.requireWriter();
        ApiToken token = tokens.find(id).orElseThrow(() -> new NotFoundException("token", id));
        if (!tokens.revoke(id, OrganizationService.now(clock))) {
            return token;
        }
        auditLog.append(new AuditEntry(
                caller.actor(),
                "token.revoked",
                "api_token",
                id.toString(),
                Map.of("userId", token.userId().toString(), "name", token.name().value(), "prefix", token.prefix())));
        return tokens.find(id).orElseThrow();
    }

    /**
     * The caller a bearer secret stands for, if the token exists, is neither revoked nor expired,
     * and its account is enabled; records the use.
     */
    @Transactional
    public Optional<CurrentUser> authenticate(TokenSecret secret) {
        Instant now = clock.instant();
        Optional<ApiToken> token = tokens.findBySecretSha256(secret.sha256Hex()).filter(t -> t.activeAt(now));
        Optional<CurrentUser> caller = token.flatMap(t -> userService.currentUser(t.userId()));
        // Recorded at most once a minute: skip the write (and its round trip) when it is recent.
        token.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minus(Duration.ofMinutes(1))))
                .filter(t -> caller.isPresent())
                .ifPresent(t -> tokens.touch(t.id(), now));
        return caller;
    }
}
