package org.gatehouse.applications;

import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;

/**
 * A party to an export (purchaser, consignee, end user): its name, its ultimate parent (the company
 * the tier is measured on; the party itself when none is given), its country and address.
 */
public record Party(String name, String ultimateParent, String country, String address) {

    public static final int ADDRESS_CHARS_MAX = 500;

    public Party {
        name = Texts.text(name, CompanyName.CHARS_MAX, true);
        ultimateParent = Texts.text(ultimateParent, CompanyName.CHARS_MAX, false);
        if (country != null) {
            country = CountryCode.of(country).value();
        }
        address = Texts.text(address, ADDRESS_CHARS_MAX, false);
    }

    /** The company this party's compute is counted for. */
    public CompanyName parentCompany() {
        return CompanyName.of(ultimateParent == null ? name : ultimateParent);
    }
}
