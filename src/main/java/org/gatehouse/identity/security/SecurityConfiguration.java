package org.gatehouse.identity.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.UserService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what over HTTP. Two filter chains:
 *
 * <ul>
 *   <li>{@code /api/**}: stateless, bearer API tokens only, no cookies and hence no CSRF tokens;
 *       401 and 403 are problem details, never a redirect.
 *   <li>everything else (the web UI): form login at {@code /login}, a session cookie (HttpOnly,
 *       SameSite=Lax, Secure by default), CSRF tokens on every form, a new session id at login.
 * </ul>
 *
 * <p>Public: health, the login page, static assets, and {@code GET} of the catalogue and policy
 * documents. URL rules are only the outer wall: every service checks the caller's roles and
 * organization itself ({@link CurrentUser}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration implements WebMvcConfigurer {

    /** Public documents of the API (SPEC §9): readable without a token. */
    static final String[] PUBLIC_API_DOCUMENTS = {
        "/api/v1/catalog",
        "/api/v1/catalog/**",
        "/api/v1/policies",
        "/api/v1/policies/**",
        // The OpenAPI description of the API: a public document, like the policies (it holds no data).
        "/api/v1/openapi",
        "/api/v1/openapi/**",
    };

    /** Administration of accounts: ADMIN only for any change (services check again, and let AUDITOR read). */
    static final String[] ADMINISTRATION = {
        "/api/v1/organizations",
        "/api/v1/organizations/**",
        "/api/v1/users",
        "/api/v1/users/**",
        "/api/v1/tokens",
        "/api/v1/tokens/**",
    };

    /** Every powerful browser feature off: Gatehouse pages need none of them. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), clipboard-read=(),"
            + " display-capture=(), fullscreen=(self), geolocation=(), gyroscope=(), magnetometer=(), microphone=(),"
            + " midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(),"
            + " xr-spatial-tracking=()";

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none';"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /**
     * No Micrometer observations of the security filters, authentication and authorization: nobody
     * reads them, and wrapping every filter of every request costs CPU on a small server.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    LoginThrottle loginThrottle(LoginProperties properties, LoginFailures failures) {
        return new LoginThrottle(properties, failures);
    }

    @Bean
    ProblemResponder problemResponder(JsonMapper json) {
        return new ProblemResponder(json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenService tokens, ProblemResponder problems) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, PUBLIC_API_DOCUMENTS)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, ADMINISTRATION)
                        .authenticated()
                        .requestMatchers(ADMINISTRATION)
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new ApiTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookies are accepted here, so a forged cross-site request carries no
                // credentials
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityConfiguration::privacyHeaders)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(
            HttpSecurity http,
            LoginAccounts accounts,
            PasswordEncoder encoder,
            LoginThrottle throttle,
            UserService users,
            AuditLog auditLog,
            PlatformTransactionManager transactions,
            Clock clock)
            throws Exception {
        LoginOutcomes outcomes = new LoginOutcomes(throttle, auditLog, transactions, clock);
        return http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/login", "/vendor/**", "/css/**", "/js/**", "/favicon.ico", "/error")
                        .permitAll()
                        // Swagger UI: static pages that read the public OpenAPI document.
                        .requestMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationManager(
                        new ProviderManager(List.of(new LoginProvider(accounts, encoder, throttle, users, clock))))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(outcomes)
                        .failureHandler(outcomes)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                // An htmx request (the live preview) whose session has ended is refused before any page: without a
                // session it has no CSRF token (403) or no sign-in (401). htmx would not show either, or would follow
                // a redirect and swap the sign-in page into the fragment's place; HX-Redirect sends the whole page
                // to sign in again. Every other request keeps the sign-in page's redirect.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                (request, response, e) -> signInAgain(request, response, 401),
                                SecurityConfiguration::htmx)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(
                                (request, response, e) -> signInAgain(request, response, 403),
                                SecurityConfiguration::htmx))
                .addFilterBefore(new SessionUserFilter(users), AuthorizationFilter.class)
                .headers(headers -> privacyHeaders(headers)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .build();
    }

    /** Whether htmx sent the request (a fragment of a page, not a page). */
    private static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Tells htmx to load the sign-in page in place of the whole page. */
    private static void signInAgain(HttpServletRequest request, HttpServletResponse response, int status)
            throws IOException {
        response.setHeader("HX-Redirect", request.getContextPath() + "/login");
        response.sendError(status);
    }

    /**
     * No address of a Gatehouse page leaks to other sites through the Referer header, and pages may not use the
     * browser's camera, microphone, location or other devices.
     */
    private static HeadersConfigurer<HttpSecurity> privacyHeaders(HeadersConfigurer<HttpSecurity> headers) {
        return headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
    }

    /** Lets controllers of every module take the caller as a plain {@code CurrentUser} parameter. */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == CurrentUser.class;
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer mav,
                    NativeWebRequest request,
                    WebDataBinderFactory binders) {
                Authentication authentication =
                        SecurityContextHolder.getContext().getAuthentication();
                if (authentication != null && authentication.getPrincipal() instanceof CurrentUser caller) {
                    return caller;
                }
                throw new AuthenticationCredentialsNotFoundException("not signed in");
            }
        });
    }
}
