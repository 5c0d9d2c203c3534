package org.gatehouse.preapproval;

import java.util.Objects;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Text;

/** A site a pre-approval covers (a data centre): its name, unique within the pre-approval, country and address. */
public record Site(String name, CountryCode country, String address) {

    public static final int NAME_CHARS_MAX = 200;
    public static final int ADDRESS_CHARS_MAX = 500;

    /** Checks each field, naming every one refused. */
    public static Site of(String name, String country, String address) {
        InputCheck check = new InputCheck();
        String checkedName = check.field("name", () -> Text.required(name, NAME_CHARS_MAX));
        CountryCode code = check.field("country", () -> CountryCode.of(country));
        String checkedAddress = check.field("address", () -> Text.required(address, ADDRESS_CHARS_MAX));
        check.throwIfInvalid();
        return new Site(checkedName, code, checkedAddress);
    }

    public Site {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(address, "address");
    }
}
