package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gatehouse.EndpointMatrix.Endpoint;
import org.gatehouse.agreements.Agreement;
import org.gatehouse.agreements.AgreementService;
import org.gatehouse.agreements.AgreementStatus;
import org.gatehouse.agreements.AgreementTerms;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.ApplicationService;
import org.gatehouse.applications.DocumentRef;
import org.gatehouse.applications.LineItem;
import org.gatehouse.applications.Party;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.DisplayName;
import org.gatehouse.identity.NewUser;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Password;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.TokenName;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.licensing.ChangeReason;
import org.gatehouse.licensing.LicenceNumber;
import org.gatehouse.licensing.LicenceService;
import org.gatehouse.licensing.TestLicences;
import org.gatehouse.preapproval.PreApprovalId;
import org.gatehouse.preapproval.PreApprovalRequest;
import org.gatehouse.preapproval.PreApprovalService;
import org.gatehouse.preapproval.Site;
import org.gatehouse.revenueshare.Quarter;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Usd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tries every row of {@link EndpointMatrix} as every role and as nobody. */
@IntegrationTest
class EndpointMatrixIntegrationTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)(?::([A-Z]+))?}");

    @LocalServerPort
    int port;

    @Autowired
    TokenService tokens;

    @Autowired
    UserService users;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    /** One request of the matrix: a row, and who calls it (null: anonymous). */
    record Case(Endpoint endpoint, Role caller) {
        int expected() {
            if (caller == null) {
                return endpoint.anonymous() ? 200 : 401;
            }
            return endpoint.allowed().contains(caller) ? 200 : endpoint.deniedStatus();
        }

        @Override
        public String toString() {
            int expected = expected();
            return endpoint + " as " + (caller == null ? "anonymous" : caller) + " → "
                    + (expected == 200 ? "2xx" : expected);
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Endpoint endpoint : EndpointMatrix.ROWS) {
            cases.add(new Case(endpoint, null));
            for (Role role : Role.values()) {
                cases.add(new Case(endpoint, role));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsTheMatrixSays(Case c) {
        String path = resolve(c.endpoint().path());
        String body = c.endpoint().body() == null ? null : resolve(c.endpoint().body());
        String token = c.caller() == null ? null : TestCallers.token(tokens, users, c.caller());
        Reactions.await(jdbc); // an exempt submission's exemption is recorded (and audited) after its commit
        long auditHead = auditHead();

        Http.Response response = new Http(port).api(c.endpoint().method(), path, token, body);

        if (c.expected() == 200) {
            assertThat(response.status()).as(response.toString()).isBetween(200, 299);
            assertThat(response.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(c.expected());
            assertThat(response.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.json().get("status").asInt()).isEqualTo(c.expected());
            assertThat(response.json().get("type").asString()).startsWith("https://gatehouse.dev/problems/");
            assertThat(auditHead()).as("a refused request records nothing").isEqualTo(auditHead);
        }
    }

    /** Replaces the placeholders documented on {@link EndpointMatrix}; later issues add theirs here. */
    private String resolve(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "unique" -> UUID.randomUUID().toString().substring(0, 8);
                case "org" -> TestCallers.organizationId(users, organizations, Role.valueOf(m.group(2)));
                case "user" ->
                    TestCallers.user(users, Role.valueOf(m.group(2))).id().toString();
                case "freshUser" -> freshUser().id().toString();
                case "freshToken" ->
                    tokens.create(TestCallers.SYSTEM, freshUser().id(), new TokenName("matrix"), null)
                            .token()
                            .id()
                            .toString();
                case "draft" -> draft(false);
                case "submitted" -> draft(true);
                case "case" -> openCase(null);
                case "referred" -> openCase("referred");
                case "held" -> openCase("held");
                case "listedCase" -> listedCase().toString();
                case "hit" -> Long.toString(firstHit(listedCase()));
                case "hitPath" -> {
                    ApplicationId listed = listedCase();
                    yield "/api/v1/cases/" + listed + "/screening-hits/" + firstHit(listed);
                }
                case "company" ->
                    registered("Matrix Registered " + letters()).id().toString();
                case "match" -> Long.toString(pendingMatch());
                case "licence" -> licence(false);
                case "suspendedLicence" -> licence(true);
                case "revenueLicence" -> revenueLicence();
                case "licenceFlagPath" -> licenceFlagPath();
                case "lastQuarter" ->
                    Quarter.of(LocalDate.now(ZoneOffset.UTC).minusMonths(3)).toString();
                case "exemption" -> exemption();
                case "today" -> LocalDate.now(ZoneOffset.UTC).toString();
                case "preapproval" -> preApproval(Role.APPLICANT, 0);
                case "buyerPreapproval" -> preApproval(Role.BUYER, 0);
                case "reviewedPreapproval" -> preApproval(Role.APPLICANT, 1);
                case "grantedPreapproval" -> preApproval(Role.APPLICANT, 2);
                case "suspendedPreapproval" -> preApproval(Role.APPLICANT, 3);
                case "inspection" -> inspection();
                case "preapprovalHitPath" -> preApprovalHitPath();
                case "agreement" -> agreement(false);
                case "signedAgreement" -> agreement(true);
                default -> throw new IllegalArgumentException("unknown placeholder " + m.group());
            };
            m.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        m.appendTail(resolved);
        return resolved.toString();
    }

    private User freshUser() {
        User exporter = TestCallers.user(users, Role.APPLICANT);
        return users.create(
                TestCallers.SYSTEM,
                new NewUser(
                        new Username("fresh-" + UUID.randomUUID().toString().substring(0, 8)),
                        new DisplayName("Fresh User"),
                        exporter.organizationId(),
                        Set.of(Role.APPLICANT),
                        new Password("fresh user password")));
    }

    @Autowired
    ApplicationService applications;

    /** A new application of the demo exporter, as a draft or submitted (tier 1 in Kenya: exempt). */
    private String draft(boolean submitted) {
        User exporter = TestCallers.user(users, Role.APPLICANT);
        CurrentUser caller = CurrentUser.of(exporter, organizations.get(TestCallers.SYSTEM, exporter.organizationId()));
        ApplicationContent content = new ApplicationContent(
                null,
                null,
                List.of(),
                null,
                new Party("Matrix Cloud " + UUID.randomUUID(), null, "KE", null),
                "KE",
                null,
                "AI inference",
                null,
                List.of(new LineItem("H100", null, 8)),
                List.of());
        ApplicationId id = applications
                .create(caller, content, null, "matrix")
                .application()
                .id();
        if (submitted) {
            applications.submit(caller, id, 1L, null);
        }
        return id.toString();
    }

    @Autowired
    org.gatehouse.cases.CaseService cases;

    /**
     * A new case of the demo exporter (a tier-2 deal to Saudi Arabia), opened at once rather than by the reaction to
     * its submission; {@code "referred"}: referred to the State Department; {@code "held"}: held for an answer.
     */
    private String openCase(String then) {
        User exporter = TestCallers.user(users, Role.APPLICANT);
        CurrentUser caller = CurrentUser.of(exporter, organizations.get(TestCallers.SYSTEM, exporter.organizationId()));
        ApplicationContent content = new ApplicationContent(
                null,
                null,
                List.of(),
                null,
                new Party("Matrix Case " + UUID.randomUUID(), null, "SA", null),
                "SA",
                null,
                "AI training",
                null,
                List.of(new LineItem("HGX H100", null, 625)),
                List.of());
        ApplicationId id = applications
                .create(caller, content, null, "matrix")
                .application()
                .id();
        applications.submit(caller, id, 1L, null);
        cases.open(id);
        User officerUser = TestCallers.user(users, Role.OFFICER);
        CurrentUser officer =
                CurrentUser.of(officerUser, organizations.get(TestCallers.SYSTEM, officerUser.organizationId()));
        if ("referred".equals(then)) {
            cases.refer(officer, id, Set.of(org.gatehouse.identity.Agency.STATE), null, 1);
        } else if ("held".equals(then)) {
            cases.hold(officer, id, "Who operates the site?", java.time.LocalDate.of(2099, 1, 1), 1);
        }
        return id.toString();
    }

    @Autowired
    org.gatehouse.screening.server.ScreeningService screening;

    @Autowired
    org.gatehouse.screening.server.RegisterService register;

    /** A new submitted application of the demo exporter whose end user is an SDN entry, with its case open. */
    private ApplicationId listedCase() {
        User exporter = TestCallers.user(users, Role.APPLICANT);
        CurrentUser caller = CurrentUser.of(exporter, organizations.get(TestCallers.SYSTEM, exporter.organizationId()));
        ApplicationContent content = new ApplicationContent(
                null,
                null,
                List.of(),
                null,
                new Party("BANCO NACIONAL DE CUBA", null, "SA", null),
                "SA",
                null,
                "AI training",
                null,
                List.of(new LineItem("HGX H100", null, 625)),
                List.of());
        ApplicationId id = applications
                .create(caller, content, null, "matrix")
                .application()
                .id();
        applications.submit(caller, id, 1L, null);
        cases.open(id);
        return id;
    }

    private long firstHit(ApplicationId id) {
        return screening.hitsOf(officer(), id).getFirst().id();
    }

    private org.gatehouse.screening.RegisteredCompany registered(String name) {
        return register.register(
                TestCallers.SYSTEM,
                new org.gatehouse.screening.RegisteredCompany.Details(
                        org.gatehouse.trade.CompanyName.of(name), null, List.of(), List.of(), List.of()));
    }

    /** A pending possible match: a new submission whose end user resembles a newly registered company. */
    private long pendingMatch() {
        String words = letters();
        registered("Matrix Registered Systems " + words);
        User exporter = TestCallers.user(users, Role.APPLICANT);
        CurrentUser caller = CurrentUser.of(exporter, organizations.get(TestCallers.SYSTEM, exporter.organizationId()));
        ApplicationContent content = new ApplicationContent(
                null,
                null,
                List.of(),
                null,
                new Party("Matrix Registered System " + words, null, "SA", null),
                "SA",
                null,
                "AI training",
                null,
                List.of(new LineItem("HGX H100", null, 625)),
                List.of());
        ApplicationId id = applications
                .create(caller, content, null, "matrix")
                .application()
                .id();
        applications.submit(caller, id, 1L, null);
        cases.open(id);
        long match = register.matchesOf(officer(), id).getFirst().id();
        // The flag is raised by a reaction to the case's opening: wait for it, so that the request tried is alone.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (!cases.get(officer(), id).review().flags().containsKey("same-company:" + match)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no flag same-company:" + match + " on case " + id);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return match;
    }

    private CurrentUser officer() {
        User officerUser = TestCallers.user(users, Role.OFFICER);
        return CurrentUser.of(officerUser, organizations.get(TestCallers.SYSTEM, officerUser.organizationId()));
    }

    /** Eight letters from a random UUID: a name unique to one request, written as a word. */
    private static String letters() {
        StringBuilder text = new StringBuilder();
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            text.append((char) ('a' + Character.digit(c, 16)));
        }
        return text.toString();
    }

    @Autowired
    ApplicationContext context;

    /** A new licence of the demo exporter (5 H100 to Saudi Arabia), active (version 1) or suspended (version 2). */
    private String licence(boolean suspended) {
        String number = TestLicences.issue(context, TestLicences.aDeal("SA", TestLicences.units("H100", 5)))
                .number();
        if (suspended) {
            CurrentUser officer = users.withOrganization(TestCallers.user(users, Role.OFFICER))
                    .orElseThrow();
            context.getBean(LicenceService.class)
                    .suspend(officer, new LicenceNumber(number), 1, new ChangeReason("matrix"));
        }
        return number;
    }

    /** {@code /api/v1/licences/N/flags/ID} of an open INSPECTION_FAILED flag on a new licence of the demo exporter. */
    private String licenceFlagPath() {
        LicenceNumber number = new LicenceNumber(licence(false));
        LicenceService service = context.getBean(LicenceService.class);
        CurrentUser officer =
                users.withOrganization(TestCallers.user(users, Role.OFFICER)).orElseThrow();
        service.flagActiveLicencesOf(
                service.get(officer, number).content().company(),
                "matrix:" + number,
                "INSPECTION_FAILED",
                "matrix",
                "inspector");
        return "/api/v1/licences/" + number + "/flags/"
                + service.openFlags(officer, number).get(0).id();
    }

    /**
     * A new licence of the demo exporter with the REVENUE_SHARE condition (H200 to China), valid since a year ago so
     * that the last quarter, which is over, falls within it: the matrix has no clock to move, so the fixture moves the
     * licence's first valid day back instead.
     */
    private String revenueLicence() {
        String number = TestLicences.issue(context, TestLicences.aDeal("CN", TestLicences.units("H200", 2)))
                .number();
        jdbc.sql("UPDATE licence SET valid_from = valid_from - 365 WHERE number = :number")
                .param("number", number)
                .update();
        return number;
    }

    /** A new tier-1 exemption of the demo exporter (8 H100 to Kenya), once its listener recorded it. */
    private String exemption() {
        return TestLicences.exemption(
                        context,
                        TestLicences.exporter(context),
                        TestLicences.aDeal("KE", TestLicences.units("H100", 8)))
                .toString();
    }

    @Autowired
    PreApprovalService preApprovals;

    @Autowired
    AgreementService agreements;

    /** The demo account of {@code role} as a caller of the services. */
    private CurrentUser caller(Role role) {
        User user = TestCallers.user(users, role);
        return CurrentUser.of(user, organizations.get(TestCallers.SYSTEM, user.organizationId()));
    }

    /**
     * A new pre-approval asked for by the demo account of {@code by} (the buyer for itself, the exporter for another
     * company), taken {@code steps} steps on: reviewed, granted, suspended.
     */
    private String preApproval(Role by, int steps) {
        String company = by == Role.BUYER
                ? "Falaj Digital Infrastructure FZ-LLC"
                : "Matrix Buyer " + UUID.randomUUID().toString().substring(0, 8);
        var request = new PreApprovalRequest(
                CompanyName.of(company),
                CompanyName.of("Matrix Parent"),
                List.of(CountryCode.of("SA")),
                List.of(new Site("Matrix Site", CountryCode.of("SA"), "Riyadh")),
                new DocumentRef("bm.pdf", "application/pdf", "e".repeat(64), 10),
                true,
                LocalDate.of(2099, 1, 1),
                LocalDate.of(2100, 1, 1));
        var id = preApprovals.request(caller(by), request).preApproval().id();
        CurrentUser officer = caller(Role.OFFICER);
        if (steps >= 1) {
            preApprovals.review(officer, id, 1);
        }
        if (steps >= 2) {
            preApprovals.grant(officer, id, null, null, null, 2);
        }
        if (steps >= 3) {
            preApprovals.suspend(officer, id, "matrix", 3);
        }
        return id.toString();
    }

    @Autowired
    org.gatehouse.screening.server.RequesterScreening requesterScreening;

    /**
     * {@code /api/v1/preapprovals/ID/screening-hits/HIT} of a pending hit: a new request of the demo exporter for a
     * listed company (the SDN list's Banco Nacional de Cuba).
     */
    private String preApprovalHitPath() {
        var request = new PreApprovalRequest(
                CompanyName.of("Banco Nacional de Cuba"),
                CompanyName.of("Banco Nacional de Cuba"),
                List.of(CountryCode.of("SA")),
                List.of(new Site("Matrix Site", CountryCode.of("SA"), "Riyadh")),
                new DocumentRef("bm.pdf", "application/pdf", "e".repeat(64), 10),
                true,
                LocalDate.of(2099, 1, 1),
                LocalDate.of(2100, 1, 1));
        var id = preApprovals
                .request(caller(Role.APPLICANT), request)
                .preApproval()
                .id();
        return "/api/v1/preapprovals/" + id + "/screening-hits/"
                + requesterScreening.hitsOf(id.value()).get(0).id();
    }

    /** An inspection scheduled for the demo inspector on a granted pre-approval of the demo exporter. */
    private String inspection() {
        var id = PreApprovalId.parse(preApproval(Role.APPLICANT, 2));
        return preApprovals
                .schedule(caller(Role.OFFICER), id, "Matrix Site", LocalDate.of(2099, 1, 1), new Username("inspector"))
                .id()
                .toString();
    }

    private static final List<String> AGREEMENT_COUNTRIES =
            List.of("FR", "DE", "IT", "ES", "NL", "BE", "AT", "PT", "IE", "DK", "SE", "FI");
    private static final AtomicInteger NEXT_COUNTRY = new AtomicInteger();

    /**
     * A new agreement (DRAFT, version 1, commitment 1, tranche 1 of $100.00 out of a $1,000.00 pledge), or signed
     * (version 2), with the next country of a pool; a live agreement left there by an earlier row is terminated first
     * (a country has one at a time).
     */
    private String agreement(boolean signed) {
        CurrentUser officer = caller(Role.OFFICER);
        var country =
                CountryCode.of(AGREEMENT_COUNTRIES.get(NEXT_COUNTRY.getAndIncrement() % AGREEMENT_COUNTRIES.size()));
        for (var live : agreements.list(officer, country, null, Paging.first(10))) {
            var a = live.agreement();
            if (a.status() != AgreementStatus.TERMINATED) {
                agreements.terminate(officer, a.id(), LocalDate.of(2099, 12, 31), "matrix", a.version());
            }
        }
        var id = agreements
                .create(
                        officer,
                        AgreementTerms.of(country.value(), "Matrix compact", List.of("US")),
                        new AgreementService.Investment(Usd.of("1000"), null, null),
                        null,
                        List.of("no transfers to D:5 end users"),
                        List.of(new Agreement.TrancheTerms(LocalDate.of(2099, 1, 1), Usd.of("100"))))
                .agreement()
                .id();
        if (signed) {
            agreements.sign(officer, id, LocalDate.of(2024, 1, 1), 1);
        }
        return id.toString();
    }

    private long auditHead() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head")
                .query(Long.class)
                .single();
    }
}
