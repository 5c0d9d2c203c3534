package org.gatehouse.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gatehouse.trade.CountryCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ListLoaderTests {

    private static final List<ScreeningList> BUNDLED = BundledLists.load();

    private static ListFile file(String name, String text) {
        return new ListFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, ListEntry> byId(ScreeningList list) {
        return list.entries().stream().collect(Collectors.toMap(ListEntry::id, Function.identity()));
    }

    @Nested
    class TheBundledSnapshot {

        @Test
        void eachListHasItsSourceHashAndEntryCount() {
            assertThat(BUNDLED).extracting(ScreeningList::source).containsExactly("SDN", "CSL", "CSL-LEGACY", "DPL");
            assertThat(BUNDLED).extracting(ScreeningList::entryCount).containsExactly(8976, 13, 115, 543);
            ScreeningList sdn = BUNDLED.getFirst();
            assertThat(sdn.files())
                    .extracting(ScreeningList.SourceFile::sha256)
                    .containsExactly(
                            "2a08fac873a3be0b92208f8874b2e7c138b7938190eeeb7ef991c15ba60e855b",
                            "82403d348e2209bf9533fbecdd3c0e1ae4e30fd75af8a8da99ea749a7f914949",
                            "c98720815c4589ccd17f6f535b8f9facc6993a93b460e227d83a8bd804f93890");
            // The SDN version is the hash of its three files' hashes and names (see ScreeningList).
            String lines = "2a08fac873a3be0b92208f8874b2e7c138b7938190eeeb7ef991c15ba60e855b ofac-sdn.csv\n"
                    + "82403d348e2209bf9533fbecdd3c0e1ae4e30fd75af8a8da99ea749a7f914949 ofac-alt.csv\n"
                    + "c98720815c4589ccd17f6f535b8f9facc6993a93b460e227d83a8bd804f93890 ofac-add.csv\n";
            assertThat(sdn.sha256()).isEqualTo(ListLoader.sha256(lines.getBytes(StandardCharsets.UTF_8)));
            assertThat(BUNDLED.get(3).sha256())
                    .isEqualTo("6f1fddc5094b4c30562114ea2b98ae01e59e436dde9865381e2c7a227b94a1d5");
        }

        @Test
        void anSdnEntryHasItsAliasesCountriesAndPrograms() {
            ListEntry bnc = byId(BUNDLED.getFirst()).get("306");
            assertThat(bnc.name()).isEqualTo("BANCO NACIONAL DE CUBA");
            assertThat(bnc.type()).isEqualTo(EntryType.ENTITY);
            assertThat(bnc.aliases()).containsExactly("NATIONAL BANK OF CUBA");
            assertThat(bnc.programs()).containsExactly("CUBA");
            assertThat(bnc.countries())
                    .contains(CountryCode.of("CH"), CountryCode.of("ES"), CountryCode.of("JP"), CountryCode.of("PA"));
            assertThat(bnc.list()).isEqualTo("SDN");
            int aliases = BUNDLED.getFirst().entries().stream()
                    .mapToInt(e -> e.aliases().size())
                    .sum();
            assertThat(aliases).isEqualTo(11_910);
        }

        @Test
        void sdnTypesProgramsAndNationalitiesAreRead() {
            Map<String, ListEntry> sdn = byId(BUNDLED.getFirst());
            ListEntry kim = sdn.get("20157");
            assertThat(kim.type()).isEqualTo(EntryType.INDIVIDUAL);
            assertThat(kim.name()).isEqualTo("KIM, Jong Un");
            ListEntry nasrallah = sdn.get("2686");
            assertThat(nasrallah.programs()).containsExactly("SDGT", "SYRIA");
            assertThat(sdn.values()).extracting(ListEntry::type).contains(EntryType.VESSEL, EntryType.AIRCRAFT);
            // "nationality Mexico; citizen Mexico" in the remarks.
            assertThat(sdn.get("10626").countries()).contains(CountryCode.of("MX"));
        }

        @Test
        void cslRowsUseTheirIdOrEntityNumberAndSplitMultipleValues() {
            Map<String, ListEntry> csl = byId(BUNDLED.get(1));
            ListEntry sme = csl.values().stream()
                    .filter(e -> e.name().equals("SME BANK"))
                    .findFirst()
                    .orElseThrow();
            assertThat(sme.id()).isEqualTo("18283"); // no _id on this row: its entity_number
            assertThat(csl.get("233a4d725770c81fb561ffe3842c14010c2201971d6be62eca1e613b")
                            .name())
                    .startsWith("Sinobright Import and Export Company");
            assertThat(sme.aliases()).hasSize(5).contains("JSC SME BANK", "MSP BANK AO");
            assertThat(sme.countries()).containsExactly(CountryCode.of("RU"));
            assertThat(sme.origin()).isEqualTo("Sectoral Sanctions Identifications List (SSI) - Treasury Department");
            assertThat(ListLoader.abbreviation(sme.origin())).isEqualTo("SSI");
            Map<String, ListEntry> legacy = byId(BUNDLED.get(2));
            assertThat(legacy.get("10863").name()).isEqualTo("7TH OF TIR");
            assertThat(legacy.get("10863").programs()).containsExactly("IFSR", "NPWMD");
            assertThat(legacy.get("10863").countries()).containsExactly(CountryCode.of("IR"));
            // Rows without an entity number get a stable hash of source, name and addresses.
            assertThat(legacy.keySet().stream().filter(id -> id.startsWith("h")))
                    .hasSize(47)
                    .allMatch(id -> id.matches("h[0-9a-f]{12}"));
        }

        @Test
        void dplIdsAreAHashOfNameAddressAndEffectiveDate() {
            ListEntry first = BUNDLED.get(3).entries().getFirst();
            assertThat(first.name()).isEqualTo("ADRIAN MANUEL HERNANDEZ");
            String key = "ADRIAN MANUEL HERNANDEZ|3037 S. 69TH DRIVE|PHONEIX|AZ||85043|10/16/2017";
            assertThat(first.id())
                    .isEqualTo("be590e57b0e7")
                    .isEqualTo(ListLoader.sha256(key.getBytes(StandardCharsets.UTF_8))
                            .substring(0, 12));
            assertThat(first.countries()).isEmpty();
        }
    }

    @Nested
    class SmallFiles {

        private static final String SDN =
                "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                        + "173,\"ANGLO-CARIBBEAN CO., LTD.\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                        + "\u001a";

        @Test
        void theSdnSetIsReadFromItsThreeFilesAndTheEndOfFileMarkerIgnored() {
            ScreeningList list = ListLoader.load(
                            List.of(
                                    file("sdn.csv", SDN),
                                    file("alt.csv", "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n"),
                                    file("add.csv", "36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n")),
                            null)
                    .getFirst();
            assertThat(list.source()).isEqualTo("SDN");
            assertThat(list.entries()).hasSize(2);
            ListEntry aero = list.entries().getFirst();
            assertThat(aero.aliases()).containsExactly("AERO-CARIBBEAN");
            assertThat(aero.countries()).containsExactly(CountryCode.of("CU"));
            assertThat(list.files()).hasSize(3);
        }

        @Test
        void aSourceNameCanBeGiven() {
            assertThat(ListLoader.load(List.of(file("sdn.csv", SDN)), "OFAC-2021")
                            .getFirst()
                            .entries()
                            .getFirst()
                            .list())
                    .isEqualTo("OFAC-2021");
        }

        @Test
        void formatsAreRecognizedByNameAndHeader() {
            assertThat(ListFormat.detect(file("x/sdn.csv", SDN))).isEqualTo(ListFormat.SDN);
            assertThat(ListFormat.detect(file("ALT.CSV", "1,2,\"aka\",\"X\",-0-")))
                    .isEqualTo(ListFormat.SDN_ALT);
            assertThat(ListFormat.detect(file("list.csv", SDN))).isEqualTo(ListFormat.SDN);
            assertThat(ListFormat.detect(file("list.csv", "source,entity_number,type,name,alt_names\n")))
                    .isEqualTo(ListFormat.CSL);
            assertThat(ListFormat.detect(file("dpl.txt", "\"Name\"\t\"Street_Address\"\n")))
                    .isEqualTo(ListFormat.DPL);
            assertThatThrownBy(() -> ListFormat.detect(file("notes.txt", "hello,world\n")))
                    .isInstanceOf(ListFileException.class)
                    .hasMessageStartingWith("notes.txt:1: not a recognized list format");
        }
    }

    @Nested
    class MalformedFilesAreRefusedWithFileAndLine {

        @Test
        void aRecordWithTheWrongNumberOfFields() {
            assertThatThrownBy(() -> ListLoader.sdn(
                            file(
                                    "sdn.csv",
                                    "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n2,\"B\",-0-\n"),
                            null,
                            null,
                            "SDN"))
                    .isInstanceOf(ListFileException.class)
                    .hasMessage("sdn.csv:2: expected 12 fields, found 3");
        }

        @Test
        void aQuoteThatIsNeverClosed() {
            assertThatThrownBy(() -> ListLoader.sdn(
                            file("sdn.csv", "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n2,\"B,-0-\n"),
                            null,
                            null,
                            "SDN"))
                    .hasMessage("sdn.csv:2: a quoted field is not closed before the end");
        }

        @Test
        void anAliasOfAnUnknownEntryOrANonNumericId() {
            ListFile sdn = file("sdn.csv", "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n");
            assertThatThrownBy(() -> ListLoader.sdn(sdn, file("alt.csv", "\n9,1,\"aka\",\"Z\",-0-\n"), null, "SDN"))
                    .hasMessage("alt.csv:2: ent_num 9 is not in sdn.csv");
            assertThatThrownBy(() -> ListLoader.sdn(sdn, null, file("add.csv", "x,1,-0-,-0-,-0-,-0-\n"), "SDN"))
                    .hasMessage("add.csv:1: ent_num must be a number, got \"x\"");
        }

        @Test
        void aCslFileWithoutANameColumnOrWithAShortRow() {
            assertThatThrownBy(() -> ListLoader.csl(file("csl.csv", "source,entity_number,type\nS,1,Entity\n"), "CSL"))
                    .hasMessage("csl.csv:1: header: missing required column name");
            assertThatThrownBy(
                            () -> ListLoader.csl(file("csl.csv", "source,entity_number,name\nS,1,Acme\nS,2\n"), "CSL"))
                    .hasMessage("csl.csv:3: expected 3 fields as in the header, found 2");
            assertThatThrownBy(() ->
                            ListLoader.csl(file("csl.csv", "source,entity_number,name\nS,1,Acme\nS,1,Other\n"), "CSL"))
                    .hasMessage("csl.csv:3: entry id 1 already used on line 2");
        }

        @Test
        void aDplFileWithoutItsHeaderColumns() {
            assertThatThrownBy(() -> ListLoader.dpl(file("dpl.txt", "\"Name\"\t\"City\"\n\"A\"\t\"B\"\n"), "DPL"))
                    .hasMessage("dpl.txt:1: header: missing required column street_address");
        }
    }
}
