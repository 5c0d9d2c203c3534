package org.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.Http;
import org.gatehouse.IntegrationTest;
import org.gatehouse.TestCallers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The web UI's sign-in as a browser does it: session cookie, CSRF token, redirects. */
@IntegrationTest
class WebLoginIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final String SESSION = "GATEHOUSE_SESSION";

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    /** A browser tab: the session cookie it holds and the CSRF token of the last form it loaded. */
    private final class Browser {
        String cookie;
        String csrf;

        Http.Response open(String path) {
            Http.Response page = http.page(path, cookie);
            page.cookie(SESSION).ifPresent(c -> cookie = c);
            Matcher m = CSRF.matcher(page.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return page;
        }

        Http.Response signIn(String username, String password) {
            open("/login");
            return submit("/login", Map.of("username", username, "password", password, "_csrf", csrf));
        }

        Http.Response submit(String path, Map<String, String> fields) {
            Http.Response response = http.form(path, cookie, fields);
            response.cookie(SESSION).ifPresent(c -> cookie = c);
            return response;
        }
    }

    @Test
    void pagesNeedASignInAndTheLoginPageIsPublic() {
        Http.Response home = http.page("/", null);
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        Http.Response login = http.page("/login", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body())
                .contains("Sign in")
                .contains("/vendor/uswds/css/uswds.min.css")
                .containsPattern(CSRF);
        assertThat(login.header("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(http.page("/vendor/uswds/css/uswds.min.css", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(http.page("/actuator/info", null).status()).isEqualTo(302);
    }

    @Test
    void signingInIssuesANewSecureSessionAndShowsWhoYouAre() {
        Browser browser = new Browser();
        browser.open("/login");
        String before = browser.cookie;
        assertThat(before).as("the login form's CSRF token lives in a session").isNotNull();
        long head = auditHead();

        Http.Response signIn = browser.submit(
                "/login",
                Map.of("username", "Exporter", "password", IntegrationTest.DEMO_PASSWORD, "_csrf", browser.csrf));

        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(browser.cookie)
                .as("session fixation: the id changes at sign-in")
                .isNotNull()
                .isNotEqualTo(before);
        String setCookie = signIn.setCookies().stream()
                .filter(c -> c.startsWith(SESSION))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Lax");

        Http.Response home = browser.open("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body())
                .contains("Erin Castellano")
                .contains("Veridian Semiconductor, Inc.")
                .contains("APPLICANT")
                .contains("Sign out");
        assertThat(http.page("/", before).status())
                .as("the pre-login session id is worthless")
                .isEqualTo(302);
        assertThat(eventsSince(head)).containsExactly("exporter login.succeeded");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        Browser browser = new Browser();
        browser.open("/login");
        long head = auditHead();

        Http.Response noToken =
                browser.submit("/login", Map.of("username", "officer", "password", IntegrationTest.DEMO_PASSWORD));
        Http.Response forgedToken = browser.submit(
                "/login", Map.of("username", "officer", "password", IntegrationTest.DEMO_PASSWORD, "_csrf", "forged"));

        assertThat(noToken.status()).isEqualTo(403);
        assertThat(forgedToken.status()).isEqualTo(403);
        assertThat(browser.open("/").status()).as("not signed in").isEqualTo(302);
        assertThat(eventsSince(head)).isEmpty();

        // Signed in, sign-out without the token is refused too.
        browser.signIn("officer", IntegrationTest.DEMO_PASSWORD);
        assertThat(browser.submit("/logout", Map.of()).status()).isEqualTo(403);
        assertThat(browser.open("/").status()).isEqualTo(200);
        Http.Response signOut = browser.submit("/logout", Map.of("_csrf", browser.csrf));
        assertThat(signOut.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?signed-out"));
        assertThat(browser.open("/login?signed-out").body()).contains("You have signed out.");
        assertThat(browser.open("/").status()).isEqualTo(302);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserLookTheSameAndAreAudited() {
        long head = auditHead();

        Http.Response wrongPassword = new Browser().signIn("buyer", "not the password at all");
        Http.Response unknownUser =
                new Browser().signIn("nobody-" + UUID.randomUUID().toString().substring(0, 8), "whatever it is");

        assertThat(wrongPassword.status()).isEqualTo(302);
        assertThat(wrongPassword.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(unknownUser.header("Location")).isEqualTo(wrongPassword.header("Location"));
        List<String> payloads = jdbc.sql(
                        "SELECT actor || ' ' || action || ' ' || payload FROM audit_event WHERE seq > ? ORDER BY seq")
                .param(head)
                .query(String.class)
                .list();
        assertThat(payloads).hasSize(2);
        assertThat(payloads.get(0))
                .startsWith("anonymous login.failed")
                .contains("\"reason\":\"bad_credentials\"")
                .contains("\"username\":\"buyer\"")
                .contains("\"ip\":\"127.0.0.1\"");
        assertThat(payloads.get(1)).startsWith("anonymous login.failed").contains("\"username\":\"nobody-");
    }

    @Test
    void repeatedFailuresThrottleAUsernameWhetherOrNotItExists() {
        User user = aUser();
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            assertThat(new Browser()
                            .signIn(user.username().value(), "wrong password " + i)
                            .header("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
            assertThat(new Browser().signIn(ghost, "wrong password " + i).header("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        }
        long head = auditHead();

        Http.Response rightPassword = new Browser().signIn(user.username().value(), "long enough password");
        Http.Response ghostAgain = new Browser().signIn(ghost, "wrong password");

        assertThat(rightPassword.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?throttled"));
        assertThat(ghostAgain.header("Location")).isEqualTo(rightPassword.header("Location"));
        assertThat(new Browser().open("/login?throttled").body()).contains("Too many failed sign-in attempts");
        assertThat(eventsSince(head))
                .as("refusals by the throttle are not audited one by one")
                .isEmpty();
        assertThat(new Browser()
                        .signIn("inspector", IntegrationTest.DEMO_PASSWORD)
                        .header("Location"))
                .as("other accounts are not affected")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    }

    @Test
    void aDisabledAccountCannotSignInAndItsSessionEndsAtTheNextPage() {
        User user = aUser();
        Browser browser = new Browser();
        browser.signIn(user.username().value(), "long enough password");
        assertThat(browser.open("/").status()).isEqualTo(200);

        users.disable(TestCallers.SYSTEM, user.id());

        assertThat(browser.open("/").status()).isEqualTo(302);
        long head = auditHead();
        Http.Response again = new Browser().signIn(user.username().value(), "long enough password");
        assertThat(again.header("Location"))
                .as("same answer as a wrong password")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(jdbc.sql("SELECT payload FROM audit_event WHERE seq > ?")
                        .param(head)
                        .query(String.class)
                        .single())
                .contains("\"reason\":\"disabled\"");
    }

    @Test
    void theApiIgnoresSessionCookies() {
        Browser browser = new Browser();
        browser.signIn("admin", IntegrationTest.DEMO_PASSWORD);
        assertThat(browser.open("/").status()).isEqualTo(200);

        Http.Response api = http.api("GET", "/api/v1/me", null, null);
        Http.Response withCookie = http.page("/api/v1/me", browser.cookie);

        assertThat(api.status()).isEqualTo(401);
        assertThat(withCookie.status()).isEqualTo(401);
    }

    private User aUser() {
        return users.create(
                TestCallers.SYSTEM,
                new NewUser(
                        new Username("web-" + UUID.randomUUID().toString().substring(0, 8)),
                        new DisplayName("Web User"),
                        TestCallers.user(users, Role.BUYER).organizationId(),
                        Set.of(Role.BUYER),
                        new Password("long enough password")));
    }

    private List<String> eventsSince(long seq) {
        return jdbc.sql("SELECT actor || ' ' || action FROM audit_event WHERE seq > ? ORDER BY seq")
                .param(seq)
                .query(String.class)
                .list();
    }

    private long auditHead() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head")
                .query(Long.class)
                .single();
    }
}
