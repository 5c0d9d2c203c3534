package org.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class ScreenCommandTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path;
    }

    @Test
    void aNameIsScreenedAgainstTheBundledListsAsATable() {
        CommandLineRunner r = CommandLineRunner.run("screen", "Banco Nacional de Cuba");
        assertThat(r.status()).isZero();
        List<String> lines = r.lines();
        assertThat(lines.get(0))
                .startsWith("Screened \"Banco Nacional de Cuba\" against SDN (8976 entries, sha256 ")
                .endsWith("DPL (543 entries, sha256 6f1fddc5094b) at threshold 0.88");
        assertThat(lines.get(1)).startsWith("SCORE  LIST");
        assertThat(lines.get(2))
                .startsWith("1.000  SDN         306            name \"BANCO NACIONAL DE CUBA\": banco = banco 1.00");
    }

    @Test
    void aNameWithoutHitsSaysSo() {
        CommandLineRunner r = CommandLineRunner.run("screen", "Banco Nacional de Mexico");
        assertThat(r.status()).isZero();
        assertThat(r.lines()).last().isEqualTo("No hits.");
    }

    @Test
    void asJsonWithTheListVersionsAndTheCountry() throws IOException {
        CommandLineRunner r = CommandLineRunner.run(
                "screen", "ＢＡＮＣＯ Nacional de Сuba", "--country", "ES", "--format", "json", "--threshold", "0.9");
        assertThat(r.status()).isZero();
        JsonNode result = JSON.readTree(r.out());
        assertThat(result.get("threshold").asDouble()).isEqualTo(0.9);
        assertThat(result.get("country").asString()).isEqualTo("ES");
        assertThat(result.get("lists").get(0).get("source").asString()).isEqualTo("SDN");
        assertThat(result.get("lists").get(0).get("entries").asInt()).isEqualTo(8976);
        JsonNode hit = result.get("hits").get(0);
        assertThat(hit.get("list").asString()).isEqualTo("SDN");
        assertThat(hit.get("entry_id").asString()).isEqualTo("306");
        assertThat(hit.get("name").asString()).isEqualTo("BANCO NACIONAL DE CUBA");
        assertThat(hit.get("score").asDouble()).isEqualTo(1.0);
        assertThat(hit.get("explanation").asString())
                .contains("folded look-alike letters", "country ES is the entry's");
    }

    @Test
    void aFileIsScreenedRowByRowInOrderAndBadRowsAreReportedInPlace() throws IOException {
        Path parties = file(
                "parties.csv",
                "id,name,country\n"
                        + "p1,National Bank of Cuba,CU\n"
                        + "p2,Nvidia Corporation,US\n"
                        + "p3,,DE\n"
                        + "p4,Rosoboronexport,XX\n"
                        + "p5,\"Kim, Jong Un\",\n"
                        + "p6,too,many,fields\n"
                        + "p7," + "a".repeat(501) + ",\n");
        CommandLineRunner r = CommandLineRunner.run("screen", "--file", parties.toString());
        assertThat(r.status()).isEqualTo(2);
        List<String> lines = r.lines();
        assertThat(lines).hasSize(7);
        JsonNode p1 = JSON.readTree(lines.get(0));
        assertThat(p1.get("id").asString()).isEqualTo("p1");
        assertThat(p1.get("hits").get(0).get("entry_id").asString()).isEqualTo("306");
        assertThat(p1.get("hits").get(0).get("name").asString()).isEqualTo("NATIONAL BANK OF CUBA");
        assertThat(lines.get(1)).isEqualTo("{\"id\":\"p2\",\"hits\":[]}");
        assertThat(lines.get(2)).isEqualTo("{\"id\":\"p3\",\"row\":3,\"error\":\"name: must not be empty\"}");
        assertThat(lines.get(3))
                .isEqualTo("{\"id\":\"p4\",\"row\":4,\"error\":\"country: must be an ISO 3166-1 alpha-2 country code,"
                        + " got \\\"XX\\\"\"}");
        assertThat(JSON.readTree(lines.get(4))
                        .get("hits")
                        .get(0)
                        .get("entry_id")
                        .asString())
                .isEqualTo("20157");
        assertThat(lines.get(5)).isEqualTo("{\"id\":\"p6\",\"row\":6,\"error\":\"expected 3 fields, found 4\"}");
        assertThat(lines.get(6)).isEqualTo("{\"id\":\"p7\",\"row\":7,\"error\":\"name: longer than 500 characters\"}");
        assertThat(r.err()).contains("4 rows could not be screened");
    }

    @Test
    void hitsAreSortedBestFirstAndTheOrderOfRowsIsKeptAcrossBatchesAndThreads() throws IOException {
        StringBuilder csv = new StringBuilder("name,id\n");
        int rows = ScreenCommand.BATCH_ROWS + 100;
        for (int i = 0; i < rows; i++) {
            csv.append(i % 2 == 0 ? "\"Kim, Yong Chol\"" : "Acme Widgets")
                    .append(",r")
                    .append(i)
                    .append('\n');
        }
        CommandLineRunner r = CommandLineRunner.run(
                "screen", "--file", file("many.csv", csv.toString()).toString(), "--threads", "3");
        assertThat(r.status()).isZero();
        List<String> lines = r.lines();
        assertThat(lines).hasSize(rows);
        for (int i = 0; i < rows; i += 997) {
            JsonNode line = JSON.readTree(lines.get(i));
            assertThat(line.get("id").asString()).isEqualTo("r" + i);
            assertThat(line.get("hits").isEmpty()).isEqualTo(i % 2 == 1);
        }
        JsonNode hits = JSON.readTree(lines.get(0)).get("hits");
        assertThat(hits.size()).isGreaterThan(1);
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).get("score").asDouble())
                    .isLessThanOrEqualTo(hits.get(i - 1).get("score").asDouble());
        }
    }

    @Test
    void givenListFilesAreUsedWithTheirSourceName() throws IOException {
        Path sdn =
                file("sdn.csv", "1,\"SECEVADE FUND, LLC\",-0- ,\"TEST\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
        Path alt = file("alt.csv", "1,2,\"aka\",\"SEC EVADE CAPITAL\",-0- \r\n");
        CommandLineRunner r = CommandLineRunner.run(
                "screen",
                "S\u0435cEvade\u200b Fund",
                "--lists",
                sdn.toString(),
                alt.toString(),
                "--source",
                "TEST-SDN");
        assertThat(r.status()).isZero();
        assertThat(r.lines().get(0)).startsWith("Screened \"S\u0435cEvade\u200b Fund\" against TEST-SDN (1 entries");
        assertThat(r.lines().get(2)).startsWith("1.000  TEST-SDN    1              name \"SECEVADE FUND, LLC\"");
    }

    @Test
    void aBrokenListFileIsRefusedWithFileLineAndReason() throws IOException {
        Path sdn = file("sdn.csv", "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n2,\"B\"\n");
        CommandLineRunner r = CommandLineRunner.run("screen", "Acme", "--lists", sdn.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith(sdn + ":2: expected 12 fields, found 2");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFileWithoutANameColumnIsRefused() throws IOException {
        Path parties = file("parties.csv", "id,party\np1,Acme\n");
        CommandLineRunner r = CommandLineRunner.run("screen", "--file", parties.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith(parties + ":1: header: missing required column name");
    }

    @Test
    void usageErrorsNameTheOption() {
        assertThat(CommandLineRunner.run("screen", "Acme", "--threshold", "1.5").err())
                .contains("--threshold: must be in (0, 1], got 1.5");
        assertThat(CommandLineRunner.run("screen", "Acme", "--country", "XX").err())
                .contains("--country: not an ISO 3166-1 alpha-2 country code");
        CommandLineRunner neither = CommandLineRunner.run("screen");
        assertThat(neither.status()).isEqualTo(2);
        assertThat(neither.err()).contains("give either a NAME or --file FILE");
        assertThat(CommandLineRunner.run("screen", "Acme", "--file", "x.csv").status())
                .isEqualTo(2);
        assertThat(CommandLineRunner.run("screen", "--file", "x.csv", "--country", "DE")
                        .err())
                .contains("--country: with --file, each row gives its country in the country column");
    }
}
