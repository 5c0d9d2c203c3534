package org.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gatehouse.policy.Deals.IN_2026;
import static org.gatehouse.policy.Deals.aDeal;
import static org.gatehouse.policy.Deals.assessInOrder;
import static org.gatehouse.policy.Deals.defaultPolicy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading, validating and compiling policy files, and the format's features, on variants of the default policy. */
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

    @Test
    void theProcedureTakesTheExecutiveOrdersDeadlinesUnlessThePolicySaysOtherwise() {
        assertThat(defaultPolicy().procedure()).isEqualTo(new Policy.Procedure(9, 30, 90, 4, 30, 365, 30));
        Policy faster = LOADER.load(
                "faster.yaml", DEFAULT_TEXT + "\nprocedure:\n  first_action_days: 5\n  licence_validity_years: 2\n");
        assertThat(faster.procedure()).isEqualTo(new Policy.Procedure(5, 30, 90, 2, 30, 365, 30));
        assertThatThrownBy(() -> LOADER.load("zero.yaml", DEFAULT_TEXT + "\nprocedure:\n  resolution_days: 0\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("zero.yaml");
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

    static Stream<Arguments> brokenFormatExtensions() {
        return Stream.of(
                Arguments.of(
                        "counted tier that no assessment can have",
                        "outcomes: [EXEMPT, LICENSE_REQUIRED]",
                        "outcomes: [EXEMPT, LICENSE_REQUIRED]\n      tiers: [T1, T9]",
                        68,
                        "counts.tiers: \"T9\" is not a tier an assessment can have (the tiers of the first ladder of"
                                + " each class: T1, T2, T3)"),
                Arguments.of(
                        "counted exemptions in a tier that never exempts",
                        "outcomes: [EXEMPT, LICENSE_REQUIRED]",
                        "outcomes: [EXEMPT]\n      tiers: [T2]",
                        68,
                        "counts only EXEMPT assessments, but no band of tier T2 can exempt"),
                Arguments.of(
                        "bands of a ladder without a measure",
                        "    measure: company-country\n",
                        "",
                        76,
                        "ladder tiers has no measure, so it must have a single band"),
                Arguments.of(
                        "malformed counted tier",
                        "outcomes: [EXEMPT, LICENSE_REQUIRED]",
                        "outcomes: [EXEMPT, LICENSE_REQUIRED]\n      tiers: [t1]",
                        68,
                        "does not match the regex pattern"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFormatExtensions")
    void aBrokenTierFilterOrUnmeasuredLadderIsRefusedWithLineAndReason(
            String name, String find, String replace, int line, String reason) {
        aBrokenPolicyIsRefusedWithLineAndReason(name, find, replace, line, reason);
    }

    /** {@code counts.tiers}: a measure that adds up only the earlier assessments of the tiers it names. */
    @Nested
    class AMeasureCountingOnlySomeTiers {

        private final Policy onlyTier1 = LOADER.load(
                "only-t1.yaml",
                DEFAULT_TEXT.replace("outcomes: [EXEMPT, LICENSE_REQUIRED]", "outcomes: [EXEMPT]\n      tiers: [T1]"));

        @Test
        void isLoadedWithItsTiers() {
            assertThat(onlyTier1.measures().getFirst().tiers()).containsExactly("T1");
            assertThat(defaultPolicy().measures().getFirst().tiers()).isEmpty();
            assertThat(onlyTier1.sha256()).isNotEqualTo(defaultPolicy().sha256());
        }

        @Test
        void ignoresEarlierAssessmentsOfOtherTiers() {
            Deal licensed = aDeal("big", "GB300", 1200, "DE", "Acme", IN_2026);
            Deal small = aDeal("small", "GB300", 10, "DE", "Acme", IN_2026);
            assertThat(assessInOrder(defaultPolicy(), licensed, small).tier()).isEqualTo("T2");
            Assessment second = assessInOrder(onlyTier1, licensed, small);
            assertThat(second.tier()).isEqualTo("T1");
            assertThat(second.facts().primary().beforeTpp()).isZero();
            assertThat(second.explanation())
                    .contains(
                            "Measure company-country for (Acme, DE), counted under the company key \"acme\": 0.00 GB300e already counted + 10.00 GB300e in this"
                                    + " application = 10.00 GB300e (600000 TPP); only earlier EXEMPT assessments in tier T1"
                                    + " count.");
        }

        @Test
        void doesNotCountHoldingsWhichHaveNoTier() {
            InMemoryLedger ledger = new InMemoryLedger();
            ledger.addHolding(CompanyName.of("Acme"), CountryCode.of("DE"), 999 * 60_000L);
            Deal one = aDeal("one", "GB300", 1, "DE", "Acme", IN_2026);
            assertThat(Assessor.assess(one, defaultPolicy(), ledger, IN_2026).tier())
                    .isEqualTo("T2");
            assertThat(Assessor.assess(one, onlyTier1, ledger, IN_2026).tier()).isEqualTo("T1");
        }

        @Test
        void countsEarlierAssessmentsOfItsTiers() {
            Assessment second = assessInOrder(
                    onlyTier1,
                    aDeal("a", "GB300", 600, "DE", "Acme", IN_2026),
                    aDeal("b", "GB300", 600, "DE", "Acme", IN_2026));
            assertThat(second.tier()).isEqualTo("T2");
            assertThat(second.facts().primary().beforeTpp()).isEqualTo(600 * 60_000L);
        }
    }

    /** A ladder without a measure: one band for any amount, and nothing reported as the measure. */
    @Nested
    class ALadderWithoutAMeasure {

        private final Policy flatDenial = LOADER.load(
                "flat-denial.yaml",
                DEFAULT_TEXT
                        .replace("ladders: [tiers]\n  - id: controlled", "ladders: [denied]\n  - id: controlled")
                        .replace(
                                "ladders:\n  - id: tiers",
                                "ladders:\n  - id: denied\n    bands:\n      - tier: DENIED\n"
                                        + "        review_path: PRESUMPTION_OF_DENIAL\n  - id: tiers"));

        @Test
        void givesItsOneBandWhateverTheAmount() {
            assertThat(flatDenial.ladders().getFirst().hasMeasure()).isFalse();
            for (long units : new long[] {1, 1_000, 5_000_000}) {
                Assessment a = Deals.assess(aDeal("d", "GB300", units, "RU", "Acme", IN_2026), flatDenial);
                assertThat(a.tier()).isEqualTo("DENIED");
                assertThat(a.reviewPath()).isEqualTo(ReviewPath.PRESUMPTION_OF_DENIAL);
            }
        }

        @Test
        void reportsNoMeasure() {
            Assessment a = assessInOrder(
                    flatDenial,
                    aDeal("a", "GB300", 600, "RU", "Acme", IN_2026),
                    aDeal("b", "GB300", 600, "RU", "Acme", IN_2026));
            assertThat(a.measureAfterTpp()).isEqualTo(-1);
            assertThat(a.facts().primary().measured()).isFalse();
            assertThat(AssessmentJson.toJson(a)).contains("\"measure_after_gb300e\":null");
            assertThat(a.explanation())
                    .noneMatch(s -> s.startsWith("Measure "))
                    .contains("Band DENIED of ladder denied (no measure: any amount): review PRESUMPTION_OF_DENIAL.");
        }
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
