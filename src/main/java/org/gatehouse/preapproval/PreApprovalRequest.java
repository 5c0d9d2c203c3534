package org.gatehouse.preapproval;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.gatehouse.applications.DocumentRef;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;

/**
 * What a pre-approval is asked for: the buyer company and its ultimate parent (compared by canonical key, as the
 * ledger does), the countries and sites it covers, the business-model disclosure (metadata and SHA-256), consent to
 * on-site inspection and the validity asked for. Checks its own fields, naming each one refused.
 */
public record PreApprovalRequest(
        CompanyName company,
        CompanyName ultimateParent,
        List<CountryCode> countries,
        List<Site> sites,
        DocumentRef disclosure,
        boolean inspectionConsent,
        LocalDate validFrom,
        LocalDate validUntil) {

    /** Most countries one pre-approval covers. */
    public static final int COUNTRIES_MAX = 50;
    /** Most sites one pre-approval covers. */
    public static final int SITES_MAX = 100;
    /** Longest validity that may be asked for or granted. */
    public static final int VALIDITY_YEARS_MAX = 5;

    public PreApprovalRequest {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(ultimateParent, "ultimateParent");
        Objects.requireNonNull(disclosure, "disclosure");
        InputCheck check = new InputCheck();
        List<CountryCode> given = countries;
        List<Site> sitesGiven = sites;
        countries = check.field("countries", () -> countries(given));
        sites = check.field("sites", () -> sizes(sitesGiven));
        if (countries != null && sites != null) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < sites.size(); i++) {
                Site site = sites.get(i);
                if (!countries.contains(site.country())) {
                    check.reject(
                            "sites[" + i + "].country",
                            "must be one of the countries covered " + countries + ", got " + site.country());
                }
                if (!names.add(site.name().toLowerCase(Locale.ROOT))) {
                    check.reject("sites[" + i + "].name", "names another site already: '" + site.name() + "'");
                }
            }
        }
        check.holds("validUntil", () -> requireValidity(validFrom, validUntil));
        check.throwIfInvalid();
    }

    /** Refuses a validity that is missing, ends before it starts, or is longer than {@link #VALIDITY_YEARS_MAX}. */
    public static void requireValidity(LocalDate from, LocalDate until) {
        if (from == null || until == null) {
            throw new IllegalArgumentException("is required with validFrom (yyyy-mm-dd)");
        }
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("must not be before validFrom " + from + ", got " + until);
        }
        if (until.isAfter(from.plusYears(VALIDITY_YEARS_MAX))) {
            throw new IllegalArgumentException(
                    "must be at most " + VALIDITY_YEARS_MAX + " years after validFrom " + from + ", got " + until);
        }
    }

    /** Whether the pre-approval covers this ultimate parent (by canonical key) in this country. */
    public boolean covers(CompanyName parent, CountryCode country) {
        return ultimateParent.key().equals(parent.key()) && countries.contains(country);
    }

    private static List<CountryCode> countries(List<CountryCode> countries) {
        if (countries == null || countries.isEmpty()) {
            throw new IllegalArgumentException("name at least one country");
        }
        if (countries.size() > COUNTRIES_MAX) {
            throw new IllegalArgumentException("at most " + COUNTRIES_MAX + " countries, got " + countries.size());
        }
        List<CountryCode> sorted = countries.stream()
                .distinct()
                .sorted(Comparator.comparing(CountryCode::value))
                .toList();
        if (sorted.size() != countries.size()) {
            throw new IllegalArgumentException("names a country twice: " + countries);
        }
        return sorted;
    }

    private static List<Site> sizes(List<Site> sites) {
        if (sites == null || sites.isEmpty()) {
            throw new IllegalArgumentException("name at least one site");
        }
        if (sites.size() > SITES_MAX) {
            throw new IllegalArgumentException("at most " + SITES_MAX + " sites, got " + sites.size());
        }
        return List.copyOf(sites);
    }
}
