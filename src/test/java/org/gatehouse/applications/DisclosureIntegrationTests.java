package org.gatehouse.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.gatehouse.Http;
import org.gatehouse.IntegrationTest;
import org.gatehouse.TestCallers;
import org.gatehouse.identity.DisplayName;
import org.gatehouse.identity.NewOrganization;
import org.gatehouse.identity.NewUser;
import org.gatehouse.identity.Organization;
import org.gatehouse.identity.OrganizationKind;
import org.gatehouse.identity.OrganizationName;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Password;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.TokenName;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Nobody outside the licensing authority learns another organization's holdings from an assessment: a dry run (or
 * an application's recorded assessment read by its owner) shows the outcome, tier, review path and requirements, and
 * of each measure only the reader's own organization's filings.
 */
@IntegrationTest
class DisclosureIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenService tokens;

    @Autowired
    UserService users;

    @Autowired
    OrganizationService organizations;

    Http http;
    String parent;

    @BeforeEach
    void oneExporterFilesADeal() {
        http = new Http(port);
        parent = "Disclosure Fund " + UUID.randomUUID().toString().replace("-", "");
        String exporter = TestCallers.token(tokens, users, Role.APPLICANT);
        JsonNode draft = http.post("/api/v1/applications", exporter, deal(625)).json();
        assertThat(http.post("/api/v1/applications/" + draft.get("id").asString() + "/submit", exporter, null)
                        .status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"OFFICER", "AGENCY", "AUDITOR"})
    void theAuthoritySeesTheWholeMeasure(Role role) {
        JsonNode answer = dryRun(TestCallers.token(tokens, users, role));

        assertThat(answer.get("tier").asString()).isEqualTo("T2");
        assertThat(answer.get("measure_after_gb300e").asString()).isEqualTo("2638.67");
        assertThat(measureSentence(answer)).contains("1319.33 GB300e already counted +");
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"BUYER", "INSPECTOR", "ADMIN"})
    void othersSeeTheOutcomeButNoFigureOfOthersFilings(Role role) {
        JsonNode answer = dryRun(TestCallers.token(tokens, users, role));

        assertThat(answer.get("outcome").asString()).isEqualTo("LICENSE_REQUIRED");
        assertThat(answer.get("tier").asString()).isEqualTo("T2");
        assertThat(answer.get("review_path").asString()).isEqualTo("STANDARD");
        assertThat(answer.get("requirements").toString()).contains("BUYER_PREAPPROVAL");
        assertThat(answer.get("measure_after_gb300e").isNull()).isTrue();
        assertThat(measureSentence(answer))
                .contains("0.00 GB300e already counted from your organization's filings")
                .contains("filings of other organizations under the same key are counted too")
                .doesNotContain("1319.33 GB300e already counted")
                .doesNotContain("2638.67");
        assertThat(answer.toString()).doesNotContain("2638.67").doesNotContain("1319.33 GB300e already");
    }

    @Test
    void anotherExporterSeesOnlyItsOwnFilings() {
        JsonNode answer = dryRun(anotherExportersToken());

        assertThat(answer.get("tier").asString()).isEqualTo("T2");
        assertThat(answer.get("measure_after_gb300e").isNull()).isTrue();
        assertThat(measureSentence(answer))
                .contains("0.00 GB300e already counted from your organization's filings")
                .doesNotContain("1319.33 GB300e already counted");
    }

    @Test
    void theFilingExporterSeesItsOwnFilingsCounted() {
        JsonNode answer = dryRun(TestCallers.token(tokens, users, Role.APPLICANT));

        assertThat(measureSentence(answer)).contains("1319.33 GB300e already counted from your organization's filings");
        assertThat(answer.get("measure_after_gb300e").isNull()).isTrue();
    }

    @Test
    void anApplicationsRecordedAssessmentIsShownToItsOwnerWithItsOwnFilingsOnly() {
        String other = anotherExportersToken();
        JsonNode draft = http.post("/api/v1/applications", other, deal(625)).json();
        String id = draft.get("id").asString();
        JsonNode submitted =
                http.post("/api/v1/applications/" + id + "/submit", other, null).json();

        assertThat(submitted.get("assessment").get("measure_after_gb300e").isNull())
                .isTrue();
        assertThat(measureSentence(submitted.get("assessment")))
                .contains("0.00 GB300e already counted from your organization's filings");
        JsonNode asOwner = http.get("/api/v1/applications/" + id, other).json();
        assertThat(asOwner.get("assessment").toString()).doesNotContain("1319.33 GB300e already counted");
        JsonNode asOfficer = http.get("/api/v1/applications/" + id, TestCallers.token(tokens, users, Role.OFFICER))
                .json();
        assertThat(measureSentence(asOfficer.get("assessment"))).contains("1319.33 GB300e already counted +");
        assertThat(asOfficer.get("assessment").get("measure_after_gb300e").asString())
                .isEqualTo("2638.67");
    }

    private JsonNode dryRun(String token) {
        Http.Response response = http.post("/api/v1/assessments", token, deal(625));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static String measureSentence(JsonNode assessment) {
        for (JsonNode sentence : assessment.get("explanation")) {
            if (sentence.asString().startsWith("Measure ")) {
                return sentence.asString();
            }
        }
        throw new AssertionError("no measure sentence in " + assessment);
    }

    private String deal(int hgx) {
        return """
                {"endUser": {"name": "Humain", "ultimateParent": "%s", "country": "SA"}, "destination": "SA",
                 "endUse": "AI training", "lines": [{"item": "HGX H100", "quantity": %d}]}""".formatted(parent, hgx);
    }

    /** An applicant of a second exporter organization (created once per database). */
    private String anotherExportersToken() {
        String username = "rival-exporter";
        User user = users.list(TestCallers.SYSTEM, null, org.gatehouse.trade.Paging.first(200)).stream()
                .filter(u -> u.username().value().equals(username))
                .findFirst()
                .orElseGet(() -> {
                    // once per database: the test context (and its database) is shared by the test classes
                    Organization rival = organizations.create(
                            TestCallers.SYSTEM,
                            new NewOrganization(
                                    new OrganizationName("Rival Exporter Ltd"), OrganizationKind.EXPORTER, null));
                    return users.create(
                            TestCallers.SYSTEM,
                            new NewUser(
                                    new Username(username),
                                    new DisplayName("Rival Exporter"),
                                    rival.id(),
                                    Set.of(Role.APPLICANT),
                                    new Password("a long enough password")));
                });
        return tokens.create(TestCallers.SYSTEM, user.id(), new TokenName("disclosure"), null)
                .secret()
                .value();
    }
}
