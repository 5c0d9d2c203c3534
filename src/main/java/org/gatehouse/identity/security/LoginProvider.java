package org.gatehouse.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a username and password from the login form, after the throttle, and makes the caller a
 * {@link CurrentUser}. Whether the account is enabled is checked only after the password (Spring
 * checks it before by default), so a wrong password costs the same time for every username and
 * the answer never tells an account exists or is disabled.
 */
class LoginProvider extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;
    private final UserService users;
    private final Clock clock;

    LoginProvider(
            LoginAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle, UserService users, Clock clock) {
        super(accounts);
        setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.users = users;
        this.clock = clock;
        setPreAuthenticationChecks(user -> {});
        setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("account disabled");
            }
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Optional<Duration> locked =
                throttle.lockedFor(authentication.getName(), address(authentication), clock.instant());
        if (locked.isPresent()) {
            throw new LoginThrottledException(locked.get());
        }
        return super.authenticate(authentication);
    }

    @Override
    protected Authentication createSuccessAuthentication(
            Object principal, Authentication authentication, UserDetails user) {
        CurrentUser caller = users.loginAccount(Username.of(user.getUsername()))
                .flatMap(account -> users.withOrganization(account.user()))
                .orElseThrow(() -> new DisabledException("account vanished during login"));
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(caller, null, user.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "";
    }

    /** Refused by the throttle, without looking at the password. */
    static final class LoginThrottledException extends AuthenticationException {

        private final Duration retryAfter;

        LoginThrottledException(Duration retryAfter) {
            super("too many failed attempts");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
