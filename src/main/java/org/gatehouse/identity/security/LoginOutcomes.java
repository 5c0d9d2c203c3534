package org.gatehouse.identity.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens after a login attempt: the throttle counts it, the audit log records it (in a
 * transaction of its own), and the browser goes on to the page it wanted or back to the form. The
 * form says the same for every failure but a throttled one, so it never reveals which accounts exist.
 */
class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(LoginOutcomes.class);
    /** Attempted usernames are recorded as typed, but bounded: a login form is open to anyone. */
    private static final int ATTEMPTED_USERNAME_LENGTH_MAX = 64;

    private final LoginThrottle throttle;
    private final AuditLog auditLog;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final AuthenticationSuccessHandler onSuccess = new SavedRequestAwareAuthenticationSuccessHandler();
    private final SimpleUrlAuthenticationFailureHandler onFailure =
            new SimpleUrlAuthenticationFailureHandler("/login?error");
    private final SimpleUrlAuthenticationFailureHandler onThrottled =
            new SimpleUrlAuthenticationFailureHandler("/login?throttled");

    LoginOutcomes(LoginThrottle throttle, AuditLog auditLog, PlatformTransactionManager transactions, Clock clock) {
        this.throttle = throttle;
        this.auditLog = auditLog;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        CurrentUser caller = (CurrentUser) authentication.getPrincipal();
        throttle.succeeded(caller.actor(), request.getRemoteAddr());
        audit(new AuditEntry(
                caller.actor(),
                "login.succeeded",
                "user",
                caller.userId().toString(),
                Map.of("ip", request.getRemoteAddr())));
        onSuccess.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        String attempted = attemptedUsername(request);
        String address = request.getRemoteAddr();
        if (exception instanceof LoginProvider.LoginThrottledException) {
            // Not audited one by one: refused attempts cost nothing, and would let anyone flood the log.
            log.warn("Login refused by the throttle for '{}' from {}", attempted, address);
            onThrottled.onAuthenticationFailure(request, response, exception);
            return;
        }
        boolean lockStarted = throttle.failed(attempted, address, clock.instant());
        String reason = exception instanceof DisabledException ? "disabled" : "bad_credentials";
        audit(new AuditEntry(
                "anonymous",
                "login.failed",
                "user",
                attempted.isEmpty() ? "-" : attempted,
                Map.of("username", attempted, "ip", address, "reason", reason, "throttled", lockStarted)));
        onFailure.onAuthenticationFailure(request, response, exception);
    }

    private void audit(AuditEntry entry) {
        ownTransaction.executeWithoutResult(status -> auditLog.append(entry));
    }

    private static String attemptedUsername(HttpServletRequest request) {
        String username = request.getParameter("username");
        if (username == null) {
            return "";
        }
        String printable = username.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        return printable.length() > ATTEMPTED_USERNAME_LENGTH_MAX
                ? printable.substring(0, ATTEMPTED_USERNAME_LENGTH_MAX)
                : printable;
    }
}
