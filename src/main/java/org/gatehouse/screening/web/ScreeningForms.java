package org.gatehouse.screening.web;

import java.math.BigDecimal;
import java.util.List;

/** The request shapes of the screening and register API, raw as clients send them. */
final class ScreeningForms {

    private ScreeningForms() {}

    /** An officer's disposition of a hit: TRUE_MATCH or FALSE_POSITIVE, and why. */
    record Disposition(String disposition, String reason) {}

    /** A company of the register; {@code version} only when updating (the version read). */
    record Company(
            String name,
            String country,
            List<String> aliases,
            List<Identifier> identifiers,
            List<Owner> owners,
            Long version) {}

    /** An identifier of a company (scheme LEI, …). */
    record Identifier(String scheme, String value) {}

    /** An owner (a registered company's id) and its share in percent. */
    record Owner(String company, BigDecimal percent) {}

    /** An officer's decision on a possible match, and why. */
    record Decision(String reason) {}
}
