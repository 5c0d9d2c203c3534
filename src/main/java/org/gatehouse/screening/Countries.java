package org.gatehouse.screening;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.trade.CanonicalName;
import org.gatehouse.trade.CountryCode;

/**
 * Country names as the lists write them ("Korea, North", "Burma", "Congo, Democratic Republic of the") to ISO codes;
 * names that are not a country ("undetermined", a region without its own code) have none.
 */
final class Countries {

    private static final Map<String, CountryCode> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            CountryCode country = CountryCode.of(code);
            BY_NAME.put(CanonicalName.key(Locale.of("", code).getDisplayCountry(Locale.ENGLISH)), country);
        }
        // Spellings of the OFAC and CSL files that differ from the JDK's English names.
        String[][] spellings = {
            {"Korea, North", "KP"},
            {"North Korea", "KP"},
            {"Korea, South", "KR"},
            {"South Korea", "KR"},
            {"Burma", "MM"},
            {"Myanmar", "MM"},
            {"Russia", "RU"},
            {"Iran", "IR"},
            {"Syria", "SY"},
            {"Congo, Democratic Republic of the", "CD"},
            {"Democratic Republic of the Congo", "CD"},
            {"Congo, Republic of the", "CG"},
            {"Republic of the Congo", "CG"},
            {"Virgin Islands, British", "VG"},
            {"British Virgin Islands", "VG"},
            {"The Gambia", "GM"},
            {"Gambia, The", "GM"},
            {"Bahamas, The", "BS"},
            {"Cote d Ivoire", "CI"},
            {"Cote d'Ivoire", "CI"},
            {"Ivory Coast", "CI"},
            {"Palestinian", "PS"},
            {"West Bank", "PS"},
            {"Gaza", "PS"},
            {"Region: Gaza", "PS"},
            {"Macau", "MO"},
            {"Macao", "MO"},
            {"Hong Kong", "HK"},
            {"Vietnam", "VN"},
            {"Czech Republic", "CZ"},
            {"Laos", "LA"},
            {"Taiwan", "TW"},
            {"Bolivia", "BO"},
            {"Venezuela", "VE"},
            {"Tanzania", "TZ"},
            {"Moldova", "MD"},
            {"Brunei", "BN"},
            {"Cape Verde", "CV"},
            {"Swaziland", "SZ"},
            {"Eswatini", "SZ"},
            {"Turkey", "TR"},
            {"Turkiye", "TR"},
            {"Micronesia", "FM"},
            {"Saint Kitts and Nevis", "KN"},
            {"Saint Vincent and the Grenadines", "VC"},
            {"Saint Lucia", "LC"},
            {"United States", "US"},
            {"United Kingdom", "GB"},
            {"Region: Crimea", "UA"},
            {"Bosnia-Herzegovina", "BA"},
            {"Netherlands Antilles", "CW"},
            {"Curacao", "CW"},
            {"Sint Maarten", "SX"},
            {"Vatican City", "VA"},
            {"North Macedonia", "MK"},
            {"Macedonia", "MK"},
            {"Timor-Leste", "TL"},
            {"East Timor", "TL"},
            {"Kyrgyzstan", "KG"},
            {"Slovakia", "SK"},
            {"Libya", "LY"},
        };
        for (String[] s : spellings) {
            BY_NAME.put(CanonicalName.key(s[0]), CountryCode.of(s[1]));
        }
    }

    private Countries() {}

    /** The country named {@code text}, or an ISO code itself ("IR"); empty when it names no country. */
    static Optional<CountryCode> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.length() == 2
                && CountryCode.isValid(t.toUpperCase(Locale.ROOT))
                && t.equals(t.toUpperCase(Locale.ROOT))) {
            return Optional.of(CountryCode.of(t));
        }
        if (t.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NAME.get(CanonicalName.key(t)));
    }
}
