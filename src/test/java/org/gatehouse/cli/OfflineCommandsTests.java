package org.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineCommandsTests {

    private static final String HEADER =
            "id,date,exporter,end_user,end_user_parent,destination,item,quantity,unit_price_usd,end_use\n";

    @TempDir
    Path dir;

    /** A copy of ../shared/reference/public-deals.csv, so the tests need nothing outside the repository. */
    private static final String PUBLIC_DEALS = "src/test/resources/deals/public-deals.csv";

    private Path file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path;
    }

    @Test
    void publicDealsGiveSensibleResults() {
        CommandLineRunner r = CommandLineRunner.run("assess", PUBLIC_DEALS, "--format", "csv");
        assertThat(r.status()).isZero();
        assertThat(r.lines())
                .containsExactly(
                        "row,id,outcome,tier,review_path,gb300e,measure_after_gb300e,requirements,error",
                        "1,pub-humain-1,LICENSE_REQUIRED,T2,STANDARD,18000.00,18000.00,BUYER_PREAPPROVAL;BUSINESS_MODEL_DISCLOSURE;SITE_INSPECTION_CONSENT,",
                        "2,pub-g42-1,LICENSE_REQUIRED,T2,STANDARD,35000.00,35000.00,BUYER_PREAPPROVAL;BUSINESS_MODEL_DISCLOSURE;SITE_INSPECTION_CONSENT,",
                        "3,pub-humain-2,LICENSE_REQUIRED,T2,STANDARD,35000.00,53000.00,BUYER_PREAPPROVAL;BUSINESS_MODEL_DISCLOSURE;SITE_INSPECTION_CONSENT,",
                        "4,pub-nscale-pt,LICENSE_REQUIRED,T2,STANDARD,12600.00,12600.00,BUYER_PREAPPROVAL;BUSINESS_MODEL_DISCLOSURE;SITE_INSPECTION_CONSENT,",
                        "5,pub-nscale-gb,LICENSE_REQUIRED,T2,STANDARD,23000.00,23000.00,BUYER_PREAPPROVAL;BUSINESS_MODEL_DISCLOSURE;SITE_INSPECTION_CONSENT,",
                        "6,pub-nscale-no,LICENSE_REQUIRED,T2,STANDARD,52000.00,52000.00,BUYER_PREAPPROVAL;BUSINESS_MODEL_DISCLOSURE;SITE_INSPECTION_CONSENT,",
                        "7,pub-nscale-us,NOT_CONTROLLED,,,104000.00,,,");
    }

    @Test
    void badRowsAreReportedInPlaceAndTheOthersStillAssessed() throws IOException {
        Path deals = file(
                "d.csv",
                HEADER
                        + "a,2026-03-01,NVIDIA,Acme,,DE,GB300,10,,\n"
                        + "b,2026-03-01,NVIDIA,Acme,,DE,GB300,-5,,\n"
                        + "c,2026/03/01,NVIDIA,Acme,,XX,Nonexistent,1.5,,\n"
                        + "d,2026-03-01,NVIDIA,Acme,,DE,H100,4,,\n");
        CommandLineRunner r = CommandLineRunner.run("assess", deals.toString());
        assertThat(r.status()).isEqualTo(2);
        List<String> lines = r.lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("{\"id\":\"a\",\"outcome\":\"EXEMPT\"");
        assertThat(lines.get(1))
                .isEqualTo(
                        "{\"id\":\"b\",\"row\":2,\"line\":3,\"error\":\"quantity: must be a positive integer ≤ 10000000, got \\\"-5\\\"\"}");
        assertThat(lines.get(2))
                .contains("\"row\":3")
                .contains("date: must be an ISO date yyyy-mm-dd, got \\\"2026/03/01\\\"")
                .contains("destination: must be an ISO 3166-1 alpha-2 country code, got \\\"XX\\\"")
                .contains("quantity: must be a positive integer")
                .contains("item: \\\"Nonexistent\\\" is not in the catalogue");
        assertThat(lines.get(3))
                .startsWith("{\"id\":\"d\",\"outcome\":\"EXEMPT\"")
                .contains("\"measure_after_gb300e\":\"11.06\"");
        assertThat(r.err()).contains("2 rows could not be assessed");
    }

    @Test
    void columnsMayComeInAnyOrderWithExtrasAndQuotedFields() throws IOException {
        Path deals = file(
                "d.csv",
                "note,quantity,item,destination,end_user,date,id\n"
                        + "\"big, quoted\",1000,gb300,de,\"Acme, Inc.\",2026-03-01,x1\n");
        CommandLineRunner r = CommandLineRunner.run("assess", deals.toString(), "--format", "csv");
        assertThat(r.status()).isZero();
        assertThat(r.lines().get(1)).startsWith("1,x1,LICENSE_REQUIRED,T2,STANDARD,1000.00,1000.00,");
    }

    @Test
    void customItemsAreDescribedByTppAndPd() throws IOException {
        Path deals = file(
                "d.csv",
                "id,date,end_user,destination,item,quantity,tpp,pd,memory_bandwidth_gbs\n"
                        + "c1,2026-03-01,Acme,DE,NewChip,100,6000,4.1,3000\n"
                        + "c2,2026-03-01,Acme,DE,SlowChip,100,2000,2.5,\n"
                        + "c3,2026-03-01,Acme,DE,NoPd,100,2000,,\n");
        CommandLineRunner r = CommandLineRunner.run("assess", deals.toString());
        assertThat(r.lines().get(0))
                .contains("\"outcome\":\"EXEMPT\"")
                .contains("\"item\":\"NewChip\",\"quantity\":100,\"controlled\":true");
        assertThat(r.lines().get(1)).contains("\"outcome\":\"NOT_CONTROLLED\"");
        assertThat(r.lines().get(2)).contains("pd: required for \\\"NoPd\\\"");
    }

    @Test
    void jsonLinesAreReadLikeCsv() throws IOException {
        Path deals = file(
                "d.jsonl",
                "{\"id\":\"j1\",\"date\":\"2026-03-01\",\"end_user\":\"Acme\",\"destination\":\"CN\",\"item\":\"H200\",\"quantity\":8}\n"
                        + "\n{not json\n"
                        + "{\"id\":\"j3\",\"date\":\"2026-03-01\",\"end_user\":\"Acme\",\"destination\":\"CN\",\"item\":\"H200\",\"quantity\":[1]}\n");
        CommandLineRunner r = CommandLineRunner.run("assess", deals.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.lines().get(0)).contains("\"review_path\":\"CASE_BY_CASE\"");
        assertThat(r.lines().get(1)).startsWith("{\"id\":null,\"row\":2,\"line\":3,\"error\":\"not valid JSON");
        assertThat(r.lines().get(2)).contains("quantity: must be a string or a number, got array");
    }

    @Test
    void rowsAccumulateUnlessIndependent() throws IOException {
        Path deals = file(
                "d.csv",
                HEADER
                        + "a,2026-03-01,NVIDIA,Acme DE,Acme,DE,GB300,600,,\n"
                        + "b,2026-03-02,NVIDIA,Acme Berlin, ACME ,DE,GB300,600,,\n");
        assertThat(CommandLineRunner.run("assess", deals.toString(), "--format", "csv")
                        .lines()
                        .get(2))
                .startsWith("2,b,LICENSE_REQUIRED,T2,STANDARD,600.00,1200.00");
        assertThat(CommandLineRunner.run("assess", deals.toString(), "--format", "csv", "--independent")
                        .lines()
                        .get(2))
                .startsWith("2,b,EXEMPT,T1,EXEMPT,600.00,600.00");
    }

    @Test
    void holdingsSeedTheLedger() throws IOException {
        Path deals = file("d.csv", HEADER + "a,2026-03-01,NVIDIA,Acme,,DE,GB300,1,,\n");
        Path holdings = file("h.csv", "end_user_parent,destination,gb300e\nacme,DE,999.5\n");
        CommandLineRunner r =
                CommandLineRunner.run("assess", deals.toString(), "--holdings", holdings.toString(), "--format", "csv");
        assertThat(r.lines().get(1)).startsWith("1,a,LICENSE_REQUIRED,T2,STANDARD,1.00,1000.50");
        Path broken = file("hb.csv", "end_user_parent,destination,gb300e\nacme,DE,lots\n");
        CommandLineRunner bad = CommandLineRunner.run("assess", deals.toString(), "--holdings", broken.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).startsWith(broken + ":2: gb300e: must be a decimal number");
    }

    @Test
    void aMissingColumnRefusesTheFileWithItsLine() throws IOException {
        Path deals = file("d.csv", "id,date,end_user,item,quantity\na,2026-03-01,Acme,GB300,1\n");
        CommandLineRunner r = CommandLineRunner.run("assess", deals.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith(deals + ":1: header: missing required column destination");
    }

    @Test
    void aBrokenPolicyFileIsRefusedWithFileLineAndReason() throws IOException {
        String text = Files.readString(Path.of("src/main/resources/policy/policies/us-global-2026-draft.yaml"))
                .replace("review_path: G2G", "review_path: GOVERNMENT");
        Path policy = file("broken.yaml", text);
        CommandLineRunner validate = CommandLineRunner.run("policy", "validate", policy.toString());
        assertThat(validate.status()).isEqualTo(1);
        assertThat(validate.err())
                .startsWith(policy + ":84: /ladders/0/bands/2/review_path: does not have a value in the enumeration");
        CommandLineRunner assess = CommandLineRunner.run("assess", PUBLIC_DEALS, "--policy", policy.toString());
        assertThat(assess.status()).isEqualTo(1);
        assertThat(assess.out()).isEmpty();
    }

    @Test
    void aPolicyFileCanBeUsedWithoutTouchingJava() throws IOException {
        String text = Files.readString(Path.of("src/main/resources/policy/policies/us-global-2026-draft.yaml"))
                .replace("id: us-global-2026-draft", "id: my-variant")
                .replace("{value: 1000, inclusive: false}", "{value: 500, inclusive: false}")
                .replace("{value: 1000, inclusive: true}", "{value: 500, inclusive: true}");
        Path policy = file("variant.yaml", text);
        Path deals = file("d.csv", HEADER + "a,2026-03-01,NVIDIA,Acme,,DE,GB300,600,,\n");
        CommandLineRunner r =
                CommandLineRunner.run("assess", deals.toString(), "--policy", policy.toString(), "--format", "csv");
        assertThat(r.lines().get(1)).startsWith("1,a,LICENSE_REQUIRED,T2,STANDARD");
    }

    @Test
    void theShippedPoliciesValidateAndAreListed() {
        CommandLineRunner validate = CommandLineRunner.run(
                "policy",
                "validate",
                "src/main/resources/policy/policies/us-global-2026-draft.yaml",
                "src/main/resources/policy/policies/us-global-2026-draft-alt.yaml",
                "src/main/resources/policy/policies/us-2025-current.yaml",
                "src/main/resources/policy/policies/us-2025-ai-diffusion.yaml");
        assertThat(validate.status()).isZero();
        assertThat(validate.lines()).hasSize(4).allMatch(l -> l.contains(": valid: "));
        CommandLineRunner list = CommandLineRunner.run("policy", "list");
        assertThat(list.lines()).hasSize(5);
        assertThat(list.lines().get(1)).startsWith("us-global-2026-draft ").endsWith("(default)");
        CommandLineRunner show = CommandLineRunner.run("policy", "show", "us-2025-ai-diffusion");
        assertThat(show.out())
                .contains("Assumptions:")
                .contains("counts [RESERVED, AUTHORIZED, SHIPPED] of EXEMPT in tiers [LPP]")
                .contains("  aia (no measure)\n")
                .contains("LPP        ≤ 26900000 TPP");
    }

    @Test
    void theAiDiffusionReproducersOfIssue14GiveTheRuleInOneFile() {
        CommandLineRunner r = CommandLineRunner.run(
                "assess",
                "src/test/resources/deals/ai-diffusion-reproducers.csv",
                "--policy",
                "us-2025-ai-diffusion",
                "--format",
                "csv");
        assertThat(r.status()).isZero();
        assertThat(r.lines())
                .containsExactly(
                        "row,id,outcome,tier,review_path,gb300e,measure_after_gb300e,requirements,error",
                        "1,initech-licensed,LICENSE_REQUIRED,LICENCE,STANDARD,527.73,527.73,,",
                        "2,initech-lpp,EXEMPT,LPP,EXEMPT,2.64,2.64,POST_SHIPMENT_NOTIFICATION,",
                        "3,dual-russia,LICENSE_REQUIRED,LICENCE,PRESUMPTION_OF_DENIAL,263.87,,,",
                        "4,dual-brazil,EXEMPT,LPP,EXEMPT,263.87,263.87,POST_SHIPMENT_NOTIFICATION,");
    }

    @Test
    void compareShowsEachPolicySideBySideThenASummary() {
        CommandLineRunner r = CommandLineRunner.run(
                "compare", PUBLIC_DEALS, "--policies", "us-global-2026-draft,us-2025-current", "--format", "json");
        assertThat(r.status()).isZero();
        assertThat(r.lines()).hasSize(8);
        assertThat(r.lines().get(3))
                .contains("\"id\":\"pub-nscale-pt\"")
                .contains("{\"policy\":\"us-global-2026-draft\",\"outcome\":\"LICENSE_REQUIRED\",\"tier\":\"T2\"")
                .contains("{\"policy\":\"us-2025-current\",\"outcome\":\"NOT_CONTROLLED\"");
        assertThat(r.lines().get(7))
                .startsWith("{\"summary\":[{\"policy\":\"us-global-2026-draft\",\"deals\":7,\"gb300e\":\"279600.00\"")
                .contains("\"LICENSE_REQUIRED\":{\"deals\":3,\"gb300e\":\"88000.00\"}");
    }

    @Test
    void catalogListsItemsWithTheirNumbers() {
        CommandLineRunner r = CommandLineRunner.run("catalog", "--format", "json");
        assertThat(r.lines()).hasSize(26);
        assertThat(r.out())
                .contains("{\"item\":\"H100\",\"vendor\":\"NVIDIA\",\"system\":false,\"accelerator\":\"H100\","
                        + "\"accelerators_per_unit\":1,\"tpp\":15832,\"pd\":\"19.45\",\"memory_bandwidth_gbs\":3350,\"gb300e\":\"0.26\","
                        + "\"controlled\":true,\"eccn\":\"3A090.a\"}");
        assertThat(r.out()).contains("\"item\":\"GB300 NVL72\"").contains("\"gb300e\":\"72.00\"");
    }

    @Test
    void generatedFilesAreAssessableAndReproducible() throws IOException {
        Path out = dir.resolve("gen.csv");
        assertThat(CommandLineRunner.run(
                                "generate", "deals", "--rows", "2000", "--seed", "7", "--output", out.toString())
                        .status())
                .isZero();
        CommandLineRunner again = CommandLineRunner.run("generate", "deals", "--rows", "2000", "--seed", "7");
        assertThat(again.out()).isEqualTo(Files.readString(out));
        CommandLineRunner r = CommandLineRunner.run("assess", out.toString(), "--format", "csv");
        assertThat(r.status()).isZero();
        assertThat(r.lines()).hasSize(2001);
        assertThat(r.out())
                .contains(",EXEMPT,")
                .contains(",LICENSE_REQUIRED,")
                .contains(",PROHIBITED,")
                .contains(",NOT_CONTROLLED,");
    }
}
