package org.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AuditChainTests {

    private static final JsonMapper json = JsonMapper.shared();

    @Test
    void theConcatenatedDocumentIsTheCanonicalJsonOfTheWholeEvent() {
        ObjectNode payload =
                (ObjectNode) json.readTree("{\"z\":1,\"a\":[0.5,\"\\u00e9\\n\"],\"m\":{\"y\":null,\"b\":true}}");
        Instant time = Instant.parse("2026-11-27T03:24:17.123456789Z");

        String document = AuditChain.document(
                42, time, "officer \"Jones\"", "application.submitted", "application", "app\t7", payload);

        ObjectNode whole = json.createObjectNode()
                .put("seq", 42)
                .put("time", "2026-11-27T03:24:17.123456Z")
                .put("actor", "officer \"Jones\"")
                .put("action", "application.submitted")
                .put("entity_type", "application")
                .put("entity_id", "app\t7");
        whole.set("payload", payload);
        assertThat(document).isEqualTo(CanonicalJson.write(whole));
    }

    @Test
    void timeAlwaysHasSixFractionalDigits() {
        String document = AuditChain.document(
                1, Instant.parse("2026-01-01T00:00:00Z"), "system", "server.started", "server", "gatehouse", "{}");

        assertThat(document).endsWith(",\"seq\":1,\"time\":\"2026-01-01T00:00:00.000000Z\"}");
    }

    @Test
    void theHashChainsThePreviousHashAndTheDocument() {
        // SHA-256("0"*64 + "{}") computed independently with `printf '%064d{}' 0 | sha256sum`.
        assertThat(AuditChain.hash(AuditChain.GENESIS_HASH, "{}"))
                .isEqualTo("5508d2b710e64bc470079e1b211d9c58e21011e59d0559e422345dc19d659a75");
    }
}
