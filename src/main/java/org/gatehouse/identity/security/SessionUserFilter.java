package org.gatehouse.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.UserService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads a signed-in browser user on every request, so that disabling the account or changing its
 * roles takes effect at the next page, not at the end of the session: a disabled account's session
 * is ended, and the roles of the request are those in the database now.
 */
class SessionUserFilter extends OncePerRequestFilter {

    private final UserService users;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    SessionUserFilter(UserService users) {
        this.users = users;
    }

    /** Static assets are public and say nothing about the user: no need to reload it for each of them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/vendor/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof CurrentUser signedIn
                && !signedIn.isSystem()) {
            Optional<CurrentUser> now = users.currentUser(signedIn.userId());
            if (now.isEmpty()) {
                contexts.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                // For this request only: the session keeps the login's snapshot and is reloaded again next time.
                SecurityContext context = contexts.createEmptyContext();
                UsernamePasswordAuthenticationToken fresh = UsernamePasswordAuthenticationToken.authenticated(
                        now.get(),
                        null,
                        AuthorityUtils.createAuthorityList(
                                now.get().roles().stream().map(Role::authority).toList()));
                fresh.setDetails(authentication.getDetails());
                context.setAuthentication(fresh);
                contexts.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
