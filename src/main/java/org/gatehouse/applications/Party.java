package org.gatehouse.applications;

import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Text;

/**
 * A party to an export (purchaser, consignee, end user): its name, its ultimate parent (the company
 * the tier is measured on; the party itself when none is given), its country and address. Checks
 * its own fields, naming each one that is refused.
 */
public record Party(String name, String ultimateParent, String country, String address) {

    public static final int ADDRESS_CHARS_MAX = 500;

    public Party(String name, String ultimateParent, String country, String address) {
        InputCheck check = new InputCheck();
        this.name = check.field("name", () -> Text.required(name, CompanyName.CHARS_MAX));
        this.ultimateParent = check.field("ultimateParent", () -> Text.optional(ultimateParent, CompanyName.CHARS_MAX));
        this.country = check.field(
                "country",
                () -> country == null ? null : CountryCode.of(country).value());
        this.address = check.field("address", () -> Text.optional(address, ADDRESS_CHARS_MAX));
        check.throwIfInvalid();
    }

    /** The company this party's compute is counted for. */
    public CompanyName parentCompany() {
        return CompanyName.of(ultimateParent == null ? name : ultimateParent);
    }
}
