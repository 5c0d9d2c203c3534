package org.gatehouse.screening.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gatehouse.screening.Disposition;
import org.gatehouse.screening.RegisteredCompany;
import org.gatehouse.screening.server.ScreeningService;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.Text;

/**
 * Turns the screening and register API's request bodies into checked values, naming every refused field. One method
 * per request shape; the values' own rules are stated in their types.
 */
final class ScreeningBinder {

    private ScreeningBinder() {}

    /** A bound disposition. */
    record Disposed(Disposition disposition, String reason) {}

    static Disposed disposition(ScreeningForms.Disposition form) {
        InputCheck check = check(form);
        Disposition disposition = check.field("disposition", () -> {
            if (form.disposition() == null) {
                throw new IllegalArgumentException("is required: TRUE_MATCH or FALSE_POSITIVE");
            }
            try {
                return Disposition.valueOf(form.disposition());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be TRUE_MATCH or FALSE_POSITIVE");
            }
        });
        String reason = check.field("reason", () -> Text.required(form.reason(), ScreeningService.REASON_CHARS_MAX));
        check.throwIfInvalid();
        return new Disposed(disposition, reason);
    }

    static String decision(ScreeningForms.Decision form) {
        InputCheck check = check(form);
        String reason = check.field("reason", () -> Text.required(form.reason(), ScreeningService.REASON_CHARS_MAX));
        check.throwIfInvalid();
        return reason;
    }

    /** A bound company, with the version the caller read (null when registering). */
    record Bound(RegisteredCompany.Details details, Long version) {}

    static Bound company(ScreeningForms.Company form, boolean update) {
        InputCheck check = check(form);
        CompanyName name = check.field("name", () -> CompanyName.of(form.name()));
        CountryCode country =
                check.field("country", () -> form.country() == null ? null : CountryCode.of(form.country()));
        List<CompanyName> aliases = new ArrayList<>();
        if (form.aliases() != null) {
            check.field("aliases", () -> size(form.aliases().size(), RegisteredCompany.ALIASES_MAX));
            for (int i = 0; i < Math.min(form.aliases().size(), RegisteredCompany.ALIASES_MAX); i++) {
                String alias = form.aliases().get(i);
                aliases.add(check.field("aliases[" + i + "]", () -> CompanyName.of(alias)));
            }
        }
        List<RegisteredCompany.Identifier> identifiers = new ArrayList<>();
        if (form.identifiers() != null) {
            check.field("identifiers", () -> size(form.identifiers().size(), RegisteredCompany.IDENTIFIERS_MAX));
            for (int i = 0; i < Math.min(form.identifiers().size(), RegisteredCompany.IDENTIFIERS_MAX); i++) {
                ScreeningForms.Identifier identifier = form.identifiers().get(i);
                identifiers.add(check.field("identifiers[" + i + "]", () -> {
                    if (identifier == null) {
                        throw new IllegalArgumentException("must not be null");
                    }
                    return new RegisteredCompany.Identifier(identifier.scheme(), identifier.value());
                }));
            }
        }
        List<RegisteredCompany.Owner> owners = new ArrayList<>();
        if (form.owners() != null) {
            check.field("owners", () -> size(form.owners().size(), RegisteredCompany.OWNERS_MAX));
            for (int i = 0; i < Math.min(form.owners().size(), RegisteredCompany.OWNERS_MAX); i++) {
                ScreeningForms.Owner owner = form.owners().get(i);
                owners.add(check.field("owners[" + i + "]", () -> {
                    if (owner == null) {
                        throw new IllegalArgumentException("must not be null");
                    }
                    UUID company = null;
                    if (owner.company() != null) {
                        try {
                            company = UUID.fromString(owner.company());
                        } catch (IllegalArgumentException e) {
                            throw InvalidInputException.of("company", "must be a registered company's id (a UUID)");
                        }
                    }
                    return new RegisteredCompany.Owner(company, owner.percent(), null);
                }));
            }
        }
        Long version = null;
        if (update) {
            version = check.field("version", () -> {
                if (form.version() == null) {
                    throw new IllegalArgumentException("is required: the version of the company you read");
                }
                return form.version();
            });
        } else if (form.version() != null) {
            check.reject("version", "is only given when updating a company");
        }
        check.throwIfInvalid();
        RegisteredCompany.Details details =
                check.field("", () -> new RegisteredCompany.Details(name, country, aliases, identifiers, owners));
        check.throwIfInvalid();
        return new Bound(details, version);
    }

    private static int size(int size, int max) {
        if (size > max) {
            throw new IllegalArgumentException("must hold at most " + max + " entries, got " + size);
        }
        return size;
    }

    private static InputCheck check(Object form) {
        if (form == null) {
            throw InvalidInputException.of("body", "is required");
        }
        return new InputCheck();
    }
}
