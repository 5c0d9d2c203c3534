package org.gatehouse.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.gatehouse.Http;
import org.gatehouse.IntegrationTest;
import org.gatehouse.TestCallers;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * One company written two ways is one company: a deal for a look-alike spelling of an ultimate parent (invisible
 * characters, letters from another script, full-width forms, case, spacing) counts with the parent's earlier deals,
 * so splitting a deployment across spellings cannot dodge a tier.
 */
@IntegrationTest
class LookAlikeCompaniesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenService tokens;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    Http http;
    String exporter;
    String officer;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        exporter = TestCallers.token(tokens, users, Role.APPLICANT);
        officer = TestCallers.token(tokens, users, Role.OFFICER);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SecEvade\\u200b Fund", // zero-width space
                "SecEvade\\u200d Fund", // zero-width joiner
                "SecEvade\\u2060 Fund", // word joiner
                "Sec\\u00adEvade Fund", // soft hyphen
                "SecEv\\u0430de Fund", // Cyrillic a
                "\\uff33\\uff45\\uff43\\uff25\\uff56\\uff41\\uff44\\uff45 \\uff26\\uff55\\uff4e\\uff44", // full-width
                "  secevade   FUND ",
                "SecEvade Fund, "
            })
    void aLookAlikeSpellingCountsWithTheCompanysEarlierDeals(String spelling) {
        String parent = "SecEvade Fund " + UUID.randomUUID().toString().replace("-", "");
        String suffix = parent.substring("SecEvade Fund".length());
        submit(deal(parent, 900));

        String lookAlike = spelling + suffix;
        JsonNode submitted = submit(deal(lookAlike, 200));

        JsonNode assessment = http.get(
                        "/api/v1/applications/" + submitted.get("id").asString(), officer)
                .json()
                .get("assessment");
        assertThat(assessment.get("tier").asString()).as(lookAlike).isEqualTo("T2");
        assertThat(assessment.get("measure_after_gb300e").asString()).isEqualTo("1100.00");
        assertThat(submitted.get("content").get("endUser").get("ultimateParent").asString())
                .as("the name is kept as written")
                .isEqualTo(
                        http.get("/api/v1/applications/" + submitted.get("id").asString(), exporter)
                                .json()
                                .get("content")
                                .get("endUser")
                                .get("ultimateParent")
                                .asString());
        long companies = jdbc.sql("SELECT count(*) FROM ledger_company_country WHERE destination = 'AE'"
                        + " AND parent_key = :key")
                .param("key", org.gatehouse.trade.CompanyName.of(parent).key())
                .query(Long.class)
                .single();
        assertThat(companies).isEqualTo(1);
        assertThat(jdbc.sql("SELECT reserved_tpp FROM ledger_company_country WHERE destination = 'AE'"
                                + " AND parent_key = :key")
                        .param("key", org.gatehouse.trade.CompanyName.of(parent).key())
                        .query(Long.class)
                        .single())
                .isEqualTo(1_100L * 60_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SecEvade\\u202e Fund", "SecEvade\\u2066 Fund", "\\u200fSecEvade Fund"})
    void aBidirectionalControlIsRefusedWithAClearError(String spelling) {
        Http.Response response = http.post("/api/v1/applications", exporter, deal(spelling, 10));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("endUser.ultimateParent");
        assertThat(response.json().get("detail").asString()).contains("bidirectional control");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Riv\\u0430l Chips Ltd", "Rival\\u200b Chips Ltd", "Rival  Chips Ltd", "RIVAL CHIPS, LTD."})
    void anOrganizationNameThatLooksLikeAnotherIsTaken(String spelling) {
        String admin = TestCallers.token(tokens, users, Role.ADMIN);
        String tag = UUID.randomUUID().toString().replace("-", "");
        assertThat(http.post("/api/v1/organizations", admin, organization("Rival Chips Ltd " + tag))
                        .status())
                .isEqualTo(201);

        Http.Response again = http.post("/api/v1/organizations", admin, organization(spelling + " " + tag));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("exists already");
    }

    private JsonNode submit(String body) {
        Http.Response created = http.post("/api/v1/applications", exporter, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Http.Response submitted =
                http.post("/api/v1/applications/" + created.json().get("id").asString() + "/submit", exporter, null);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return submitted.json();
    }

    private static String deal(String parent, int gb300) {
        return """
                {"endUser": {"name": "Evasion Cloud", "ultimateParent": "%s", "country": "AE"},
                 "destination": "AE", "endUse": "AI training", "lines": [{"item": "GB300", "quantity": %d}]}""".formatted(parent, gb300);
    }

    private static String organization(String name) {
        return """
                {"name": "%s", "kind": "BUYER"}""".formatted(name);
    }
}
