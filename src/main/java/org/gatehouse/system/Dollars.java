package org.gatehouse.system;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dollar amounts as pages show them ({@code ${@dollars.format(a.pledgedUsd)}}): the exact decimal the API gives
 * ({@code "2000000000.00"}) written with thousands separators and two places, {@code $2,000,000,000.00}. Nothing is
 * rounded: an amount has at most two places already.
 */
@Component("dollars")
public class Dollars {

    /** {@code amount} (a decimal string) as {@code $1,234.50}; null or not a number as it is. */
    public String format(String amount) {
        if (amount == null) {
            return "";
        }
        try {
            BigDecimal value = new BigDecimal(amount);
            DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
            format.setParseBigDecimal(true);
            return (value.signum() < 0 ? "−$" : "$") + format.format(value.abs());
        } catch (NumberFormatException e) {
            return amount;
        }
    }
}
