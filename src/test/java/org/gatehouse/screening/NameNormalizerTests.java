package org.gatehouse.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormalizerTests {

    private static String text(String raw) {
        return NameNormalizer.normalize(raw).text();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Acme Trading LLC | acme trading",
                "Acme Trading, L.L.C. | acme trading",
                "OOO Acme | acme",
                "ACME, OOO | acme",
                "Acme Co., Ltd. | acme",
                "Acme Company Limited | acme",
                "Acme S.A. de C.V. | acme",
                "Acme S.A.S. S.A. | acme",
                "Acme GmbH & Co. KG | acme",
                "Acme FZ-LLC | acme",
                "Acme FZE | acme",
                "Open Joint Stock Company Acme | acme",
                "Acme Open Joint Stock Co. | acme",
                "Obshchestvo s Ogranichennoi Otvetstvennostyu Acme | acme",
                "Acme AG Group | acme group",
                "The Acme Holdings PJSC | the acme holdings",
            })
    void legalFormsAreRemoved(String raw, String expected) {
        assertThat(text(raw)).isEqualTo(expected);
    }

    @Test
    void anAmbiguousLegalWordStaysInsideTheName() {
        assertThat(text("Co Operative Bank")).isEqualTo("operative bank");
        assertThat(text("Acme Co Shipyard")).isEqualTo("acme company shipyard");
        assertThat(text("AG Barr Drinks")).isEqualTo("barr drinks");
        assertThat(text("Spa Resorts International")).isEqualTo("resorts international");
    }

    @Test
    void aNameIsNeverLeftEmptyByItsLegalForm() {
        assertThat(text("Limited")).isEqualTo("limited");
        assertThat(text("SA LLC")).isEqualTo("sa llc");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Acme Intl | acme international",
                "Acme Mfg Co. of Ohio | acme manufacturing company of ohio",
                "Acme Tech Centre | acme technology center",
                "Acme Natl Hldgs | acme national holding",
            })
    void abbreviationsAreWrittenOut(String raw, String expected) {
        assertThat(text(raw)).isEqualTo(expected);
    }

    @Test
    void diacriticsAndOtherScriptsBecomeAscii() {
        assertThat(text("Société Générale")).isEqualTo("societe generale");
        assertThat(text("Łódź Ørsted Straße")).isEqualTo("lodz orsted strasse");
        assertThat(text("Банк Россия")).isEqualTo("bank rossiya");
        assertThat(text("Αθήνα")).isEqualTo("athina");
        assertThat(text("김정은")).isEqualTo("kim jong un");
        assertThat(text("李方伟")).isEqualTo("li fang wei");
        NormalizedName arabic = NameNormalizer.normalize("حماس");
        assertThat(arabic.text()).isEqualTo("hmas");
        assertThat(arabic.consonantal()).containsExactly(true);
        assertThat(arabic.notes()).containsExactly("transliterated from Arabic");
    }

    @Test
    void initialsWrittenWithPeriodsAreOneWord() {
        assertThat(text("U.S.A. Trading")).isEqualTo("usa trading");
        assertThat(text("J. P. Morgan")).isEqualTo("jp morgan");
        assertThat(text("C.I.C. Electronics")).isEqualTo("cic electronics");
    }

    @Test
    void notesSayWhatWasDone() {
        assertThat(NameNormalizer.normalize("Аcme Intl\u200b LLC").notes())
                .containsExactly(
                        "folded look-alike letters",
                        "removed invisible characters",
                        "removed legal form 'llc'",
                        "read 'intl' as 'international'");
    }

    @Test
    void veryLongNamesKeepTheirFirstWords() {
        assertThat(NameNormalizer.normalize("word ".repeat(40)).size()).isEqualTo(NameNormalizer.TOKENS_MAX);
    }
}
