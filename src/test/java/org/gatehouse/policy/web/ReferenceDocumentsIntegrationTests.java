package org.gatehouse.policy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gatehouse.Http;
import org.gatehouse.IntegrationTest;
import org.gatehouse.policy.Policies;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The catalogue and the policies are public documents of the API, read without a token. */
@IntegrationTest
class ReferenceDocumentsIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theCatalogueListsItemsWithWhatClassifiesThem() {
        Http.Response response = new Http(port).get("/api/v1/catalog", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode gb300 = item(response.json(), "GB300");
        assertThat(gb300.get("tpp").asLong()).isEqualTo(60_000);
        assertThat(gb300.get("gb300e").asString()).isEqualTo("1.00");
        assertThat(gb300.get("eccn").asString()).isEqualTo("3A090.a");
        JsonNode hgx = item(response.json(), "HGX H100");
        assertThat(hgx.get("system").asBoolean()).isTrue();
        assertThat(hgx.get("acceleratorsPerUnit").asInt()).isEqualTo(8);
        assertThat(hgx.get("tpp").asLong()).isEqualTo(8 * 15_832);
        assertThat(hgx.get("gb300e").asString()).isEqualTo("2.11");
        assertThat(hgx.get("eccn").asString()).isEqualTo("4A090.a");
        JsonNode h20 = item(response.json(), "H20");
        assertThat(h20.get("controlled").asBoolean()).isFalse();
        assertThat(h20.get("eccn").isNull()).isTrue();
    }

    @Test
    void oneItemIsFoundByNameAsALineItemNamesIt() {
        Http http = new Http(port);

        assertThat(http.get("/api/v1/catalog/hgx%20h100", null)
                        .json()
                        .get("item")
                        .asString())
                .isEqualTo("HGX H100");
        Http.Response missing = http.get("/api/v1/catalog/GB9000", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).isEqualTo("catalogue item 'GB9000' not found");
    }

    @Test
    void thePoliciesAreListedWithTheOneInForceFirst() {
        Http.Response response = new Http(port).get("/api/v1/policies", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(p -> ids.add(p.get("id").asString()));
        assertThat(ids)
                .containsExactly(
                        "us-global-2026-draft", "us-global-2026-draft-alt", "us-2025-current", "us-2025-ai-diffusion");
        assertThat(response.json().get(0).get("inForce").asBoolean()).isTrue();
        assertThat(response.json().get(1).get("inForce").asBoolean()).isFalse();
        assertThat(response.json().get(0).get("sha256").asString())
                .isEqualTo(Policies.builtIn().defaultPolicy().sha256());
    }

    @Test
    void onePolicyIsShownWholeWithTheContentItsHashIdentifies() {
        Http http = new Http(port);
        Http.Response response = http.get("/api/v1/policies/us-2025-current", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.get("policy").get("id").asString()).isEqualTo("us-2025-current");
        assertThat(document.get("content").get("id").asString()).isEqualTo("us-2025-current");
        assertThat(document.get("assumptions").size()).isPositive();
        assertThat(document.get("source").asString()).contains("id: us-2025-current");
        assertThat(http.get("/api/v1/policies/us-2099", null).status()).isEqualTo(404);
    }

    @Test
    void theDocumentsAreInTheOpenApiDescription() {
        JsonNode paths = new Http(port).get("/api/v1/openapi", null).json().get("paths");

        assertThat(paths.propertyNames())
                .contains("/api/v1/catalog", "/api/v1/catalog/{name}", "/api/v1/policies", "/api/v1/policies/{id}");
    }

    private static JsonNode item(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (item.get("item").asString().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no item " + name + " in " + items);
    }
}
