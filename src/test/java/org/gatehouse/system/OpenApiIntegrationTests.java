package org.gatehouse.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.Http;
import org.gatehouse.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OpenApiIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theApiDescribesItselfPubliclyAsOpenApi() {
        Http.Response response = new Http(port).get("/api/v1/openapi", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.get("paths").propertyNames())
                .contains(
                        "/api/v1/applications",
                        "/api/v1/applications/{id}/submit",
                        "/api/v1/assessments",
                        "/api/v1/ledger/countries",
                        "/api/v1/me");
        assertThat(document.toString())
                .as("the caller is resolved from the token, not a parameter")
                .doesNotContain("\"caller\"")
                .doesNotContain("CurrentUser");
    }

    @Test
    void swaggerUiIsServed() {
        Http.Response response = new Http(port).page("/swagger-ui/index.html", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("Swagger UI");
    }
}
