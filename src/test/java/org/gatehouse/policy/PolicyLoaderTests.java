package org.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyLoaderTests {

    private static final PolicyLoader LOADER = PolicyLoader.builtIn();
    private static final String DEFAULT_TEXT = PolicyLoader.resourceText("/policy/policies/us-global-2026-draft.yaml");

    @Test
    void theFourShippedPoliciesLoadDefaultFirst() {
        assertThat(Policies.builtIn().all())
                .extracting(Policy::id)
                .containsExactly(
                        "us-global-2026-draft", "us-global-2026-draft-alt", "us-2025-current", "us-2025-ai-diffusion");
        assertThat(Policies.builtIn().defaultPolicy().id()).isEqualTo("us-global-2026-draft");
        for (Policy p : Policies.builtIn().all()) {
            assertThat(p.sources()).as(p.id()).isNotEmpty();
            assertThat(p.assumptions()).as(p.id()).isNotEmpty();
            assertThat(p.sha256()).as(p.id()).hasSize(64).isEqualTo(PolicyLoader.sha256(p.canonicalJson()));
        }
    }

    @Test
    void theHashIgnoresCommentsAndLayoutButNotContent() {
        Policy original = LOADER.load("a.yaml", DEFAULT_TEXT);
        Policy reformatted = LOADER.load(
                "b.yaml", "# a comment\n" + DEFAULT_TEXT.replace("version: \"1\"", "version:    '1'   # same"));
        Policy changed = LOADER.load("c.yaml", DEFAULT_TEXT.replace("version: \"1\"", "version: \"2\""));
        assertThat(reformatted.sha256()).isEqualTo(original.sha256());
        assertThat(changed.sha256()).isNotEqualTo(original.sha256());
        assertThat(original.canonicalJson()).startsWith("{\"assumptions\":[");
    }

    static Stream<Arguments> brokenPolicies() {
        return Stream.of(
                Arguments.of("unknown field", "title:", "titel: x\ntitle:", 4, "property 'titel' is not defined"),
                Arguments.of(
                        "misspelt code",
                        "[BUYER_PREAPPROVAL,",
                        "[BUYER_PREAPROVAL,",
                        81,
                        "does not have a value in the enumeration"),
                Arguments.of(
                        "unknown group", "\"D:5 ∪ MO\"", "\"D:5 ∪ MOO\"", 44, "\"MOO\" is neither a country group"),
                Arguments.of(
                        "gap between bands",
                        "value: 200000, inclusive: true}",
                        "value: 200000, inclusive: false}",
                        83,
                        "must start where the previous band ends"),
                Arguments.of(
                        "unknown ladder",
                        "ladders: [tiers]\n  - id: controlled",
                        "ladders: [tier]\n  - id: controlled",
                        48,
                        "ladder \"tier\" is not defined"),
                Arguments.of("bad date", "from: \"2026-01-01\"", "from: \"2026-13-01\"", 20, "is not a date"),
                Arguments.of("duplicate key", "title:", "title: x\ntitle:", 5, "Duplicate"),
                Arguments.of("wrong type", "tpp: 60000", "tpp: sixty", 24, "string found, integer expected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPolicies")
    void aBrokenPolicyIsRefusedWithLineAndReason(String name, String find, String replace, int line, String reason) {
        String broken = DEFAULT_TEXT.replaceFirst(Pattern.quote(find), Matcher.quoteReplacement(replace));
        assertThat(broken).as("fixture must change the text").isNotEqualTo(DEFAULT_TEXT);
        assertThatThrownBy(() -> LOADER.load("broken.yaml", broken))
                .isInstanceOfSatisfying(PolicyException.class, e -> {
                    assertThat(e.problems().getFirst().file()).isEqualTo("broken.yaml");
                    assertThat(e.problems().getFirst().line()).isEqualTo(line);
                    assertThat(e.problems().getFirst().reason()).contains(reason);
                    assertThat(e.getMessage()).startsWith("broken.yaml:" + line + ": ");
                });
    }

    @Test
    void yamlSyntaxErrorsNameTheLine() {
        assertThatThrownBy(() -> LOADER.load("x.yaml", "id: x\n  foo: [1, 2\n"))
                .hasMessageStartingWith("x.yaml:2: not valid YAML");
    }

    @Test
    void everyCountryMustHaveAClass() {
        String noCatchAll = DEFAULT_TEXT.replace("members: \"*\"", "members: \"DE\"");
        assertThatThrownBy(() -> LOADER.load("p.yaml", noCatchAll)).hasMessageContaining("countries have no class");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> LOADER.load("e.yaml", "")).hasMessageStartingWith("e.yaml:");
    }

    @Test
    void theSchemaIsPublished() {
        assertThat(PolicyLoader.schemaText()).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
    }
}
