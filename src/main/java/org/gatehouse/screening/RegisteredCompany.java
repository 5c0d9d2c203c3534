package org.gatehouse.screening;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;

/**
 * A company of the authority's register (entity resolution for the ledger): its name and canonical key, country,
 * aliases, identifiers (an LEI…) and owners with their percentages. Every name and alias has its own key, and one key
 * names at most one company: an application's party written as any of them counts under this company.
 */
public record RegisteredCompany(
        UUID id,
        CompanyName name,
        CountryCode country,
        List<CompanyName> aliases,
        List<Identifier> identifiers,
        List<Owner> owners,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** Most aliases of one company. */
    public static final int ALIASES_MAX = 100;
    /** Most identifiers of one company. */
    public static final int IDENTIFIERS_MAX = 20;
    /** Most direct owners of one company. */
    public static final int OWNERS_MAX = 50;

    public RegisteredCompany {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        identifiers = List.copyOf(identifiers);
        owners = List.copyOf(owners);
    }

    /**
     * What an officer gives for a company: checked as a whole, naming each refused field ({@code aliases[2]},
     * {@code owners[0].percent}): no two names with one key, owners' percentages at most 100 in all, no owner twice.
     */
    public record Details(
            CompanyName name,
            CountryCode country,
            List<CompanyName> aliases,
            List<Identifier> identifiers,
            List<Owner> owners) {

        public Details {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
            owners = owners == null ? List.of() : List.copyOf(owners);
            InputCheck check = new InputCheck();
            if (name == null) {
                check.reject("name", "is required");
            }
            if (aliases.size() > ALIASES_MAX) {
                check.reject("aliases", "must hold at most " + ALIASES_MAX + " entries, got " + aliases.size());
            }
            if (identifiers.size() > IDENTIFIERS_MAX) {
                check.reject(
                        "identifiers", "must hold at most " + IDENTIFIERS_MAX + " entries, got " + identifiers.size());
            }
            if (owners.size() > OWNERS_MAX) {
                check.reject("owners", "must hold at most " + OWNERS_MAX + " entries, got " + owners.size());
            }
            Set<String> keys = new HashSet<>();
            if (name != null) {
                keys.add(name.key());
            }
            for (int i = 0; i < aliases.size(); i++) {
                if (!keys.add(aliases.get(i).key())) {
                    check.reject(
                            "aliases[" + i + "]",
                            "'" + aliases.get(i) + "' is the same name as another one given" + " (key '"
                                    + aliases.get(i).key() + "')");
                }
            }
            Set<String> schemes = new HashSet<>();
            for (int i = 0; i < identifiers.size(); i++) {
                if (!schemes.add(
                        identifiers.get(i).scheme() + ":" + identifiers.get(i).value())) {
                    check.reject("identifiers[" + i + "]", "is given twice");
                }
            }
            Set<UUID> owning = new HashSet<>();
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < owners.size(); i++) {
                if (!owning.add(owners.get(i).company())) {
                    check.reject("owners[" + i + "].company", "is given twice");
                }
                total = total.add(owners.get(i).percent());
            }
            if (total.compareTo(Owner.HUNDRED) > 0) {
                check.reject("owners", "percentages add up to " + total.toPlainString() + ", more than 100");
            }
            check.throwIfInvalid();
        }
    }

    /** An identifier of a company in a scheme: an LEI (ISO 17442, checked), a national register number… */
    public record Identifier(String scheme, String value) {

        private static final Pattern SCHEME = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");
        private static final Pattern LEI = Pattern.compile("[0-9A-Z]{18}[0-9]{2}");
        /** Longest identifier value. */
        public static final int VALUE_CHARS_MAX = 100;

        public Identifier {
            InputCheck check = new InputCheck();
            String givenScheme = scheme;
            scheme = check.field("scheme", () -> {
                if (givenScheme == null || !SCHEME.matcher(givenScheme).matches()) {
                    throw new IllegalArgumentException("must be 2..20 capital letters, digits or _, such as LEI");
                }
                return givenScheme;
            });
            String givenValue = value;
            value = check.field("value", () -> {
                if (givenValue == null || givenValue.isBlank()) {
                    throw new IllegalArgumentException("is required");
                }
                String v = givenValue.strip().toUpperCase(Locale.ROOT);
                if (v.length() > VALUE_CHARS_MAX || !v.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                    throw new IllegalArgumentException(
                            "must be 1.." + VALUE_CHARS_MAX + " printable ASCII characters without spaces");
                }
                if ("LEI".equals(givenScheme) && !validLei(v)) {
                    throw new IllegalArgumentException(
                            "is not an LEI: 20 characters, the last two check digits of ISO 17442 (mod 97)");
                }
                return v;
            });
            check.throwIfInvalid();
        }

        /** ISO 17442: letters as 10..35, the whole number mod 97 is 1. */
        static boolean validLei(String lei) {
            if (!LEI.matcher(lei).matches()) {
                return false;
            }
            int remainder = 0;
            for (int i = 0; i < lei.length(); i++) {
                int digit = Character.digit(lei.charAt(i), 36);
                remainder = digit > 9 ? (remainder * 100 + digit) % 97 : (remainder * 10 + digit) % 97;
            }
            return remainder == 1;
        }
    }

    /**
     * An owner of a company, itself a registered company, with the share it holds.
     *
     * @param name the owner's name, when read from the register (null in a request)
     */
    public record Owner(UUID company, BigDecimal percent, CompanyName name) {

        static final BigDecimal HUNDRED = new BigDecimal(100);

        public Owner {
            InputCheck check = new InputCheck();
            if (company == null) {
                check.reject("company", "is required: the registered company's id");
            }
            BigDecimal given = percent;
            percent = check.field("percent", () -> {
                if (given == null) {
                    throw new IllegalArgumentException("is required");
                }
                if (given.signum() <= 0
                        || given.compareTo(HUNDRED) > 0
                        || given.stripTrailingZeros().scale() > 2) {
                    throw new IllegalArgumentException(
                            "must be more than 0 and at most 100, with at most 2 decimals, got "
                                    + given.toPlainString());
                }
                return given.setScale(2, java.math.RoundingMode.UNNECESSARY);
            });
            check.throwIfInvalid();
        }
    }
}
