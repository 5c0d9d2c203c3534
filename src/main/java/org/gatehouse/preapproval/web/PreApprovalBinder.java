package org.gatehouse.preapproval.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.applications.DocumentRef;
import org.gatehouse.identity.Username;
import org.gatehouse.preapproval.InspectionOutcome;
import org.gatehouse.preapproval.PreApproval;
import org.gatehouse.preapproval.PreApprovalRequest;
import org.gatehouse.preapproval.Site;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.Text;

/**
 * Turns the pre-approval API's request bodies into checked values, naming every refused field by its path
 * ({@code sites[2].country}). One method per request shape; each value states its own rules.
 */
final class PreApprovalBinder {

    private PreApprovalBinder() {}

    /** A bound request: its value and the version the caller read. */
    record Bound<T>(T value, long version) {}

    static PreApprovalRequest request(PreApprovalForms.Request form) {
        InputCheck check = check(form);
        CompanyName company = check.field("company", () -> CompanyName.of(form.company()));
        CompanyName parent = check.field(
                "ultimateParent",
                () -> form.ultimateParent() == null || form.ultimateParent().isBlank()
                        ? company
                        : CompanyName.of(form.ultimateParent()));
        List<CountryCode> countries = new ArrayList<>();
        if (check.holds("countries", () -> size(form.countries(), PreApprovalRequest.COUNTRIES_MAX, "country"))) {
            for (int i = 0; i < form.countries().size(); i++) {
                String code = form.countries().get(i);
                CountryCode country = check.field("countries[" + i + "]", () -> CountryCode.of(code));
                if (country != null) {
                    countries.add(country);
                }
            }
        }
        List<Site> sites = new ArrayList<>();
        if (check.holds("sites", () -> size(form.sites(), PreApprovalRequest.SITES_MAX, "site"))) {
            for (int i = 0; i < form.sites().size(); i++) {
                PreApprovalForms.SiteForm site = form.sites().get(i);
                if (site == null) {
                    check.reject("sites[" + i + "]", "must not be null");
                    continue;
                }
                Site built =
                        check.field("sites[" + i + "]", () -> Site.of(site.name(), site.country(), site.address()));
                if (built != null) {
                    sites.add(built);
                }
            }
        }
        DocumentRef disclosure = check.field("disclosure", () -> document(form.disclosure()));
        Boolean consent = check.field("inspectionConsent", () -> {
            if (form.inspectionConsent() == null) {
                throw new IllegalArgumentException("is required: true or false");
            }
            return form.inspectionConsent();
        });
        LocalDate from = check.field("validFrom", () -> Fields.date(form.validFrom()));
        LocalDate until = check.field("validUntil", () -> Fields.date(form.validUntil()));
        check.throwIfInvalid();
        PreApprovalRequest request = check.field(
                "", () -> new PreApprovalRequest(company, parent, countries, sites, disclosure, consent, from, until));
        check.throwIfInvalid();
        return request;
    }

    static long version(PreApprovalForms.Version form) {
        InputCheck check = check(form);
        Long version = check.field("version", () -> Fields.version(form.version()));
        check.throwIfInvalid();
        return version;
    }

    /** The grant's conditions and validity (dates null: those asked for). */
    record Granted(String conditions, LocalDate validFrom, LocalDate validUntil) {}

    static Bound<Granted> grant(PreApprovalForms.Grant form) {
        InputCheck check = check(form);
        String conditions =
                check.field("conditions", () -> Text.optional(form.conditions(), PreApproval.TEXT_CHARS_MAX));
        LocalDate from = check.field("validFrom", () -> Fields.optionalDate(form.validFrom()));
        LocalDate until = check.field("validUntil", () -> Fields.optionalDate(form.validUntil()));
        if ((form.validFrom() == null) != (form.validUntil() == null)) {
            check.reject(form.validFrom() == null ? "validFrom" : "validUntil", "give both dates, or neither");
        }
        Long version = check.field("version", () -> Fields.version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(new Granted(conditions, from, until), version);
    }

    static Bound<String> deny(PreApprovalForms.Deny form) {
        InputCheck check = check(form);
        String reasons = check.field("reasons", () -> Text.required(form.reasons(), PreApproval.TEXT_CHARS_MAX));
        Long version = check.field("version", () -> Fields.version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(reasons, version);
    }

    static Bound<String> reason(PreApprovalForms.Reason form) {
        InputCheck check = check(form);
        String reason = check.field("reason", () -> Text.required(form.reason(), PreApproval.TEXT_CHARS_MAX));
        Long version = check.field("version", () -> Fields.version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(reason, version);
    }

    /** A site, a day and the inspector (null: the caller). */
    record Scheduled(String site, LocalDate scheduledFor, Username inspector) {}

    static Scheduled schedule(PreApprovalForms.Schedule form) {
        InputCheck check = check(form);
        String site = check.field("site", () -> Text.required(form.site(), Site.NAME_CHARS_MAX));
        LocalDate day = check.field("scheduledFor", () -> Fields.date(form.scheduledFor()));
        Username inspector = check.field(
                "inspector",
                () -> form.inspector() == null || form.inspector().isBlank() ? null : Username.of(form.inspector()));
        check.throwIfInvalid();
        return new Scheduled(site, day, inspector);
    }

    /** What an inspector sent; the inspection's own rules (findings for FINDINGS…) are checked when it is recorded. */
    record Found(
            LocalDate performedOn,
            InspectionOutcome outcome,
            String findings,
            String reportSha256,
            LocalDate remediationDueOn) {}

    static Bound<Found> result(PreApprovalForms.Result form) {
        InputCheck check = check(form);
        LocalDate performedOn = check.field("performedOn", () -> Fields.date(form.performedOn()));
        InspectionOutcome outcome = check.field("outcome", () -> Fields.named(InspectionOutcome.class, form.outcome()));
        String findings = check.field("findings", () -> Text.optional(form.findings(), PreApproval.TEXT_CHARS_MAX));
        LocalDate due = check.field("remediationDueOn", () -> Fields.optionalDate(form.remediationDueOn()));
        Long version = check.field("version", () -> Fields.version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(new Found(performedOn, outcome, findings, form.reportSha256(), due), version);
    }

    private static DocumentRef document(PreApprovalForms.DocumentForm form) {
        if (form == null) {
            throw new IllegalArgumentException(
                    "is required: the business-model disclosure's name, mediaType, sha256" + " and sizeBytes");
        }
        InputCheck check = new InputCheck();
        Long size = check.field("sizeBytes", () -> Fields.wholeBytes(form.sizeBytes()));
        DocumentRef document = check.field(
                "", () -> new DocumentRef(form.name(), form.mediaType(), form.sha256(), size == null ? 0 : size));
        check.throwIfInvalid();
        return document;
    }

    private static void size(List<?> list, int max, String what) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("name at least one " + what);
        }
        if (list.size() > max) {
            throw new IllegalArgumentException("at most " + max + " entries, got " + list.size());
        }
    }

    private static InputCheck check(Object form) {
        if (form == null) {
            throw InvalidInputException.of("body", "is required");
        }
        return new InputCheck();
    }
}
