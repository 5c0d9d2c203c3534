package org.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretTests {

    @Test
    void aGeneratedSecretIsGhAndFortyThreeBase64UrlCharacters() {
        TokenSecret secret = TokenSecret.generate();

        assertThat(secret.value()).matches("gh_[A-Za-z0-9_-]{43}");
        assertThat(secret.displayPrefix()).isEqualTo(secret.value().substring(0, 8));
        assertThat(secret.toString())
                .isEqualTo("TokenSecret[" + secret.displayPrefix() + "…]")
                .doesNotContain(secret.value());
    }

    @Test
    void generatedSecretsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            seen.add(TokenSecret.generate().value());
        }
        assertThat(seen).hasSize(1_000);
    }

    @Test
    void theStoredFormIsTheSha256OfTheSecret() {
        TokenSecret secret = new TokenSecret("gh_" + "A".repeat(43));

        // printf 'gh_AAA…A' | sha256sum (43 A's)
        assertThat(secret.sha256Hex()).isEqualTo("4187ffb0b23483cbf6cdcfa8a36ba2065ad3a67aba690e880ce294cdd481c482");
        assertThat(secret.sha256Hex())
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(TokenSecret.generate().sha256Hex());
    }

    @Test
    void onlyTheTokenFormatParses() {
        assertThat(TokenSecret.parse("gh_" + "b".repeat(43))).isPresent();
        assertThat(TokenSecret.parse("gh_" + "b".repeat(42))).isEmpty();
        assertThat(TokenSecret.parse("gh_" + "b".repeat(42) + "=")).isEmpty();
        assertThat(TokenSecret.parse("GH_" + "b".repeat(43))).isEmpty();
        assertThat(TokenSecret.parse(null)).isEmpty();
        assertThatThrownBy(() -> new TokenSecret("password")).hasMessage("not a Gatehouse API token");
    }

    @Test
    void aTokenIsActiveUntilItExpiresOrIsRevoked() {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        Instant expires = Instant.parse("2026-02-01T00:00:00Z");
        ApiToken token = new ApiToken(
                TokenId.random(), UserId.random(), new TokenName("ci"), "gh_abcde", created, expires, null, null);
        ApiToken revoked = new ApiToken(
                token.id(),
                token.userId(),
                token.name(),
                token.prefix(),
                created,
                null,
                Instant.parse("2026-01-10T00:00:00Z"),
                null);

        assertThat(token.activeAt(expires.minusNanos(1000))).isTrue();
        assertThat(token.activeAt(expires)).isFalse();
        assertThat(revoked.activeAt(created)).isFalse();
    }
}
