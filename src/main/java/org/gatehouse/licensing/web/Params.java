package org.gatehouse.licensing.web;

import java.util.List;
import org.gatehouse.licensing.ExemptionState;
import org.gatehouse.licensing.LicenceNumber;
import org.gatehouse.licensing.LicenceState;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.Versions;

/** Path and query parameters of the licensing API, each refused by its name when malformed. */
final class Params {

    private Params() {}

    static LicenceNumber number(String number) {
        try {
            return LicenceNumber.parse(number);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("number", e.getMessage());
        }
    }

    static ApplicationId exemption(String id) {
        try {
            return ApplicationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("id", e.getMessage());
        }
    }

    /** A version in a path: decimal digits only. */
    static long version(String version) {
        try {
            return Versions.parse(version);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("version", e.getMessage());
        }
    }

    /** The {@code ?version=N} a change names: the version the client read. */
    static long requiredVersion(String version) {
        if (version == null) {
            throw InvalidInputException.of("version", "is required: the version of the licence you read");
        }
        return version(version);
    }

    static LicenceState licenceState(String state) {
        try {
            return LicenceState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + List.of(LicenceState.values()));
        }
    }

    static ExemptionState exemptionState(String state) {
        try {
            return ExemptionState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + List.of(ExemptionState.values()));
        }
    }

    static Boolean bool(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }
}
