package org.gatehouse;

import static org.gatehouse.identity.Role.ADMIN;
import static org.gatehouse.identity.Role.AGENCY;
import static org.gatehouse.identity.Role.APPLICANT;
import static org.gatehouse.identity.Role.AUDITOR;
import static org.gatehouse.identity.Role.BUYER;
import static org.gatehouse.identity.Role.INSPECTOR;
import static org.gatehouse.identity.Role.OFFICER;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gatehouse.identity.Role;

/**
 * The role × endpoint matrix of the API: for each endpoint, which roles may call it. Every row is
 * tried by {@link EndpointMatrixIntegrationTests} with a token of each role and without one:
 * anonymous → 401 problem, a role not allowed → {@link Endpoint#deniedStatus()} (403, or 404 where
 * the record belongs to another organization) with no audit event, an allowed role → 2xx.
 *
 * <p><b>Adding an endpoint</b>: append a row to {@link #ROWS} in your module's section. Paths and
 * bodies may use placeholders, resolved afresh for every request by
 * {@code EndpointMatrixIntegrationTests.resolve} (add yours there):
 * <ul>
 *   <li>{@code {unique}}: a fresh short random string (unique names);
 *   <li>{@code {org:ROLE}}, {@code {user:ROLE}}: the organization / account of that role's demo
 *       account (see {@link TestCallers#USERNAMES});
 *   <li>{@code {freshUser}}: a new APPLICANT account of the demo exporter;
 *   <li>{@code {freshToken}}: a new token of a new account;
 *   <li>{@code {case}}, {@code {referred}}, {@code {held}}: a new case (version 1) of the demo exporter; the second
 *       referred to the State Department, the third held for the applicant's answer;
 *   <li>{@code {draft}}, {@code {submitted}}: a new draft (version 1) of the demo exporter, or one it
 *       submitted (version 2);
 *   <li>{@code {licence}}, {@code {suspendedLicence}}: the number of a new licence of the demo exporter (5 H100 to
 *       Saudi Arabia), active at version 1 or suspended at version 2;
 *   <li>{@code {exemption}}: a new tier-1 exemption of the demo exporter (8 H100 to Kenya), once recorded;
 *   <li>{@code {today}}: today's date (UTC), {@code yyyy-mm-dd};
 *   <li>{@code {preapproval}}, {@code {reviewedPreapproval}}, {@code {grantedPreapproval}},
 *       {@code {suspendedPreapproval}}: a new pre-approval the demo exporter asked for, as requested (version 1), under
 *       review (2), granted (3) or suspended (4); {@code {buyerPreapproval}}: one the demo buyer asked for itself;
 *   <li>{@code {inspection}}: an inspection scheduled for the demo inspector on a granted pre-approval of the exporter;
 *   <li>{@code {agreement}}, {@code {signedAgreement}}: a new agreement (version 1, with commitment 1 and tranche 1)
 *       or a signed one (version 2), with a European country whose earlier agreement is terminated first;
 *   <li>{@code {listedCase}}: a new case whose end user is on the SDN list (its hits pending); {@code {hit}}: the id
 *       of such a hit; {@code {hitPath}}: {@code /api/v1/cases/ID/screening-hits/HIT} of one;
 *   <li>{@code {revenueLicence}}: a new licence of the demo exporter with revenue share (H200 to China), valid since a
 *       year ago; {@code {lastQuarter}}: the calendar quarter before today's ({@code yyyy-Qn});
 *   <li>{@code {licenceFlagPath}}: {@code /api/v1/licences/N/flags/ID} of an open flag on a new licence;
 *       {@code {preapprovalHitPath}}: {@code /api/v1/preapprovals/ID/screening-hits/HIT} of a pending hit of a new
 *       request for a listed company;
 *   <li>{@code {company}}: a newly registered company (version 1); {@code {match}}: a pending possible match of a new
 *       submission with a newly registered company.
 * </ul>
 */
public final class EndpointMatrix {

    public static final Set<Role> EVERYONE = Collections.unmodifiableSet(EnumSet.allOf(Role.class));

    /**
     * One endpoint and who may call it.
     *
     * @param body JSON body, or null
     * @param allowed roles answered 2xx
     * @param deniedStatus what the other roles get: 403, or 404 when the record is another organization's
     * @param anonymous whether it is public (anonymous → 2xx); otherwise anonymous → 401
     */
    public record Endpoint(
            String method, String path, String body, Set<Role> allowed, int deniedStatus, boolean anonymous) {

        public Endpoint {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            allowed = allowed.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(allowed));
            if (deniedStatus != 403 && deniedStatus != 404) {
                throw new IllegalArgumentException("denied requests answer 403 or 404, not " + deniedStatus);
            }
        }

        public static Endpoint get(String path) {
            return new Endpoint("GET", path, null, Set.of(), 403, false);
        }

        public static Endpoint post(String path, String body) {
            return new Endpoint("POST", path, body, Set.of(), 403, false);
        }

        public static Endpoint put(String path, String body) {
            return new Endpoint("PUT", path, body, Set.of(), 403, false);
        }

        public Endpoint allow(Role... roles) {
            return allow(roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
        }

        public Endpoint allow(Set<Role> roles) {
            return new Endpoint(method, path, body, roles, deniedStatus, anonymous);
        }

        /** Others are answered 404, as for a missing id: the record is another organization's. */
        public Endpoint deniedAsNotFound() {
            return new Endpoint(method, path, body, allowed, 404, anonymous);
        }

        /** Public: anonymous callers get 2xx too. */
        public Endpoint publicToo() {
            return new Endpoint(method, path, body, allowed, deniedStatus, true);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private EndpointMatrix() {}

    /** A small deal that any application endpoint accepts (tier 1 in Kenya, a general destination). */
    static final String DEAL = """
            {"endUser": {"name": "Matrix Cloud {unique}", "country": "KE"}, "destination": "KE",
             "endUse": "AI inference", "lines": [{"item": "H100", "quantity": 8}]}""";

    /** A shipment of one unit that any licence of {@code {licence}} takes. */
    static final String SHIPMENT = """
            {"shippedOn": "{today}", "lines": [{"item": "H100", "quantity": 1, "valueUsd": 25000.00}]}""";

    /** Why an officer changes a licence. */
    static final String REASON = """
            {"reason": "matrix"}""";

    /** A pre-approval request any buyer or exporter may make: the demo buyer's, for itself. */
    static final String PRE_APPROVAL = """
            {"company": "Falaj Digital Infrastructure FZ-LLC", "ultimateParent": "Matrix Buyer", "countries": ["SA"],
             "sites": [{"name": "Matrix Site", "country": "SA", "address": "Riyadh"}],
             "disclosure": {"name": "bm.pdf", "mediaType": "application/pdf", "sizeBytes": 10,
                            "sha256": "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"},
             "inspectionConsent": true, "validFrom": "2099-01-01", "validUntil": "2100-01-01"}""";

    public static final List<Endpoint> ROWS = List.of(
            // ---- identity (issue 4) ----
            Endpoint.get("/api/v1/me").allow(EVERYONE),
            Endpoint.get("/api/v1/organizations").allow(ADMIN, AUDITOR),
            Endpoint.get("/api/v1/organizations/{org:APPLICANT}")
                    .allow(ADMIN, AUDITOR, APPLICANT)
                    .deniedAsNotFound(),
            Endpoint.get("/api/v1/organizations/{org:BUYER}")
                    .allow(ADMIN, AUDITOR, BUYER)
                    .deniedAsNotFound(),
            Endpoint.post("/api/v1/organizations", """
                    {"name": "Matrix Trading {unique}", "kind": "BUYER"}""").allow(ADMIN),
            Endpoint.get("/api/v1/users").allow(ADMIN, AUDITOR),
            Endpoint.get("/api/v1/users?organizationId={org:APPLICANT}&limit=10")
                    .allow(ADMIN, AUDITOR),
            Endpoint.get("/api/v1/users/{user:APPLICANT}")
                    .allow(ADMIN, AUDITOR, APPLICANT)
                    .deniedAsNotFound(),
            Endpoint.get("/api/v1/users/{user:BUYER}")
                    .allow(ADMIN, AUDITOR, BUYER)
                    .deniedAsNotFound(),
            Endpoint.post("/api/v1/users", """
                    {"username": "matrix-{unique}", "displayName": "Matrix User", "organizationId": "{org:APPLICANT}",
                     "roles": ["APPLICANT"], "password": "a long enough password"}""").allow(ADMIN),
            Endpoint.post("/api/v1/users/{freshUser}/disable", null).allow(ADMIN),
            Endpoint.post("/api/v1/users/{freshUser}/enable", null).allow(ADMIN),
            Endpoint.put("/api/v1/users/{freshUser}/roles", """
                    {"roles": ["APPLICANT"]}""").allow(ADMIN),
            Endpoint.post("/api/v1/users/{freshUser}/tokens", """
                    {"name": "matrix"}""").allow(ADMIN),
            Endpoint.get("/api/v1/users/{user:APPLICANT}/tokens").allow(ADMIN, AUDITOR),
            Endpoint.get("/api/v1/tokens/{freshToken}").allow(ADMIN, AUDITOR),
            Endpoint.post("/api/v1/tokens/{freshToken}/revoke", null).allow(ADMIN),
            // ---- applications and ledger (issue 5) ----
            Endpoint.get("/api/v1/applications").allow(APPLICANT, OFFICER, AGENCY, AUDITOR),
            Endpoint.get("/api/v1/applications?state=SUBMITTED&destination=SA&limit=5")
                    .allow(APPLICANT, OFFICER, AGENCY, AUDITOR),
            Endpoint.post("/api/v1/applications", DEAL).allow(APPLICANT),
            Endpoint.get("/api/v1/applications/{draft}")
                    .allow(APPLICANT, OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.put("/api/v1/applications/{draft}", DEAL.replaceFirst("\\{", "{\"version\": 1, "))
                    .allow(APPLICANT),
            Endpoint.post("/api/v1/applications/{draft}/submit", null).allow(APPLICANT),
            Endpoint.post("/api/v1/applications/{submitted}/withdraw?version=2", null)
                    .allow(APPLICANT),
            new Endpoint("DELETE", "/api/v1/applications/{draft}?version=1", null, Set.of(APPLICANT), 403, false),
            Endpoint.post("/api/v1/assessments", DEAL).allow(EVERYONE),
            Endpoint.get("/api/v1/ledger/countries").allow(OFFICER, AGENCY, AUDITOR),
            Endpoint.get("/api/v1/ledger/countries/SA").allow(OFFICER, AGENCY, AUDITOR),
            // ---- public documents (issue 8) ----
            Endpoint.get("/api/v1/catalog").allow(EVERYONE).publicToo(),
            Endpoint.get("/api/v1/catalog/HGX%20H100").allow(EVERYONE).publicToo(),
            Endpoint.get("/api/v1/policies").allow(EVERYONE).publicToo(),
            Endpoint.get("/api/v1/policies/us-global-2026-draft")
                    .allow(EVERYONE)
                    .publicToo(),
            // ---- cases (issue 10) ----
            Endpoint.get("/api/v1/cases").allow(APPLICANT, OFFICER, AGENCY, AUDITOR),
            Endpoint.get("/api/v1/cases?queue=overdue&tier=T2&limit=5").allow(APPLICANT, OFFICER, AGENCY, AUDITOR),
            Endpoint.get("/api/v1/cases/{case}")
                    .allow(APPLICANT, OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.get("/api/v1/cases/{referred}")
                    .allow(APPLICANT, OFFICER, AGENCY, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.post("/api/v1/cases/{case}/assign", """
                    {"officer": "me", "version": 1}""").allow(OFFICER),
            Endpoint.post("/api/v1/cases/{case}/referrals", """
                    {"agencies": ["STATE"], "version": 1}""").allow(OFFICER),
            Endpoint.post("/api/v1/cases/{referred}/recommendations", """
                    {"recommendation": "APPROVE", "reasons": "no objection"}""").allow(AGENCY),
            Endpoint.post("/api/v1/cases/{case}/hold", """
                    {"question": "Who operates the site?", "dueOn": "2099-01-01", "version": 1}""").allow(OFFICER),
            Endpoint.post("/api/v1/cases/{held}/answer", """
                    {"answer": "Humain operates it."}""").allow(APPLICANT),
            Endpoint.post("/api/v1/cases/{case}/documents", """
                    {"requirement": "BUSINESS_MODEL_DISCLOSURE", "name": "bm.pdf", "mediaType": "application/pdf",
                     "sha256": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "sizeBytes": 100}""").allow(APPLICANT),
            Endpoint.post("/api/v1/cases/{case}/flags", """
                    {"company": "Matrix Holdings", "reason": "a second spelling?", "version": 1}""").allow(OFFICER),
            Endpoint.post("/api/v1/cases/{case}/return", """
                    {"reason": "incomplete", "version": 1}""").allow(OFFICER),
            Endpoint.post("/api/v1/cases/{case}/decision", """
                    {"decision": "DENIED", "reasons": "matrix", "version": 1}""").allow(OFFICER),
            // ---- licensing (issue 10) ----
            Endpoint.get("/api/v1/licences").allow(APPLICANT, OFFICER, AUDITOR),
            Endpoint.get("/api/v1/licences?state=ACTIVE&destination=SA&limit=5").allow(APPLICANT, OFFICER, AUDITOR),
            Endpoint.get("/api/v1/licences/{licence}")
                    .allow(APPLICANT, OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.get("/api/v1/licences/{licence}/versions")
                    .allow(APPLICANT, OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.get("/api/v1/licences/{licence}/versions/1")
                    .allow(APPLICANT, OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.get("/api/v1/licences/{licence}/shipments")
                    .allow(APPLICANT, OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.post("/api/v1/licences/{licence}/shipments", SHIPMENT).allow(APPLICANT),
            Endpoint.post("/api/v1/licences/{licence}/amendments?version=1", """
                    {"lines": [{"line": 1, "quantity": 4}], "reason": "matrix"}""")
                    .allow(OFFICER),
            Endpoint.post("/api/v1/licences/{licence}/suspend?version=1", REASON)
                    .allow(OFFICER),
            Endpoint.post("/api/v1/licences/{suspendedLicence}/reinstate?version=2", REASON)
                    .allow(OFFICER),
            Endpoint.post("/api/v1/licences/{licence}/revoke?version=1", REASON).allow(OFFICER),
            Endpoint.get("/api/v1/exemptions").allow(APPLICANT, OFFICER, AUDITOR),
            Endpoint.get("/api/v1/exemptions?state=OPEN&late=false&limit=5").allow(APPLICANT, OFFICER, AUDITOR),
            Endpoint.get("/api/v1/exemptions/{exemption}")
                    .allow(APPLICANT, OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.get("/api/v1/exemptions/{exemption}/notifications")
                    .allow(APPLICANT, OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.post("/api/v1/exemptions/{exemption}/notifications", """
                    {"shippedOn": "{today}", "lines": [{"item": "H100", "quantity": 1}]}""").allow(APPLICANT),
            // ---- instruments (issue 11) ----
            Endpoint.post("/api/v1/preapprovals", PRE_APPROVAL).allow(BUYER, APPLICANT),
            Endpoint.get("/api/v1/preapprovals").allow(BUYER, APPLICANT, OFFICER, AUDITOR, INSPECTOR, AGENCY),
            Endpoint.get("/api/v1/preapprovals?state=GRANTED&country=SA&company=Matrix%20Buyer&limit=5")
                    .allow(BUYER, APPLICANT, OFFICER, AUDITOR, INSPECTOR, AGENCY),
            Endpoint.get("/api/v1/preapprovals/{preapproval}")
                    .allow(APPLICANT, OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.get("/api/v1/preapprovals/{buyerPreapproval}")
                    .allow(BUYER, OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.post("/api/v1/preapprovals/{preapproval}/review", """
                    {"version": 1}""").allow(OFFICER),
            Endpoint.post("/api/v1/preapprovals/{reviewedPreapproval}/grant", """
                    {"conditions": "quarterly reports", "version": 2}""")
                    .allow(OFFICER),
            Endpoint.post("/api/v1/preapprovals/{reviewedPreapproval}/deny", """
                    {"reasons": "ownership unclear", "version": 2}""")
                    .allow(OFFICER),
            Endpoint.post("/api/v1/preapprovals/{grantedPreapproval}/suspend", """
                    {"reason": "audit", "version": 3}""")
                    .allow(OFFICER),
            Endpoint.post("/api/v1/preapprovals/{suspendedPreapproval}/reinstate", """
                    {"reason": "audited", "version": 4}""")
                    .allow(OFFICER),
            Endpoint.post("/api/v1/preapprovals/{grantedPreapproval}/revoke", """
                    {"reason": "misuse", "version": 3}""")
                    .allow(OFFICER),
            Endpoint.post("/api/v1/preapprovals/{grantedPreapproval}/inspections", """
                    {"site": "Matrix Site", "scheduledFor": "2099-01-01", "inspector": "inspector"}""")
                    .allow(OFFICER, INSPECTOR),
            Endpoint.get("/api/v1/inspections").allow(BUYER, APPLICANT, OFFICER, AUDITOR, INSPECTOR, AGENCY),
            Endpoint.get("/api/v1/inspections/{inspection}")
                    .allow(APPLICANT, OFFICER, AUDITOR, INSPECTOR)
                    .deniedAsNotFound(),
            Endpoint.post("/api/v1/inspections/{inspection}/result", """
                    {"performedOn": "2024-01-01", "outcome": "SATISFACTORY", "version": 1,
                     "reportSha256": "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"}""").allow(INSPECTOR),
            Endpoint.post("/api/v1/agreements", """
                    {"country": "LU", "title": "Matrix compact", "signatories": ["US", "LU"],
                     "investment": {"pledgedUsd": 1000}}""").allow(OFFICER),
            Endpoint.get("/api/v1/agreements").allow(OFFICER, AUDITOR, AGENCY),
            Endpoint.get("/api/v1/agreements?country=FR&status=DRAFT&limit=5").allow(OFFICER, AUDITOR, AGENCY),
            Endpoint.get("/api/v1/agreements/{agreement}")
                    .allow(OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.post("/api/v1/agreements/{agreement}/sign", """
                    {"signedOn": "2024-01-01", "version": 1}""").allow(OFFICER),
            Endpoint.post("/api/v1/agreements/{signedAgreement}/entry-into-force", """
                    {"inForceOn": "2099-01-01", "version": 2}""")
                    .allow(OFFICER),
            Endpoint.post("/api/v1/agreements/{agreement}/terminate", """
                    {"terminatedOn": "2099-01-01", "reason": "matrix", "version": 1}""").allow(OFFICER),
            Endpoint.post("/api/v1/agreements/{agreement}/commitments", """
                    {"text": "no remote access from D:5 countries", "version": 1}""").allow(OFFICER),
            Endpoint.post("/api/v1/agreements/{agreement}/commitments/1/status", """
                    {"status": "MET", "note": "audited", "version": 1}""")
                    .allow(OFFICER),
            Endpoint.post("/api/v1/agreements/{agreement}/tranches", """
                    {"dueOn": "2099-06-01", "amountUsd": 100, "version": 1}""").allow(OFFICER),
            Endpoint.post("/api/v1/agreements/{agreement}/tranches/1/realizations", """
                    {"amountUsd": 50, "realizedOn": "2024-01-01", "version": 1,
                     "evidenceSha256": "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"}""")
                    .allow(OFFICER),
            // ---- screening (issue 12) ----
            // Every signed-in user may screen a name: the lists are public, and an exporter screens its counterparties
            // before it signs. The import (POST /api/v1/screening/lists, multipart, ADMIN) is tried by
            // ScreeningIntegrationTests: this matrix sends JSON bodies.
            Endpoint.get("/api/v1/screening?name=Banco%20Nacional%20de%20Cuba").allow(EVERYONE),
            Endpoint.get("/api/v1/screening/lists").allow(ADMIN, OFFICER, AUDITOR),
            Endpoint.get("/api/v1/screening/lists?active=true").allow(ADMIN, OFFICER, AUDITOR),
            Endpoint.get("/api/v1/screening/hits").allow(OFFICER, AUDITOR),
            Endpoint.get("/api/v1/screening/hits/{hit}").allow(OFFICER, AUDITOR).deniedAsNotFound(),
            Endpoint.get("/api/v1/cases/{listedCase}/screening-hits")
                    .allow(OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.post("{hitPath}/disposition", """
                    {"disposition": "FALSE_POSITIVE", "reason": "matrix: another company"}""").allow(OFFICER),
            Endpoint.get("/api/v1/register/companies").allow(OFFICER, ADMIN, AUDITOR),
            Endpoint.get("/api/v1/register/companies/{company}")
                    .allow(OFFICER, ADMIN, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.post("/api/v1/register/companies", """
                    {"name": "Matrix Registered {unique}", "country": "SA"}""").allow(OFFICER, ADMIN),
            Endpoint.put("/api/v1/register/companies/{company}", """
                    {"name": "Matrix Renamed {unique}", "version": 1}""").allow(OFFICER, ADMIN),
            Endpoint.get("/api/v1/register/matches").allow(OFFICER, ADMIN, AUDITOR),
            Endpoint.get("/api/v1/register/matches?application={listedCase}")
                    .allow(OFFICER, ADMIN, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.post("/api/v1/register/matches/{match}/confirm", """
                    {"reason": "matrix: same company"}""").allow(OFFICER),
            Endpoint.post("/api/v1/register/matches/{match}/separate", """
                    {"reason": "matrix: another company"}""").allow(OFFICER),
            Endpoint.post("{licenceFlagPath}/clear", REASON).allow(OFFICER),
            Endpoint.get("/api/v1/preapprovals/{preapproval}/screening-hits")
                    .allow(OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.post("{preapprovalHitPath}/disposition", """
                    {"disposition": "FALSE_POSITIVE", "reason": "matrix: another bank"}""").allow(OFFICER),
            // ---- revenue share (issue 11) ----
            Endpoint.get("/api/v1/licences/{revenueLicence}/revenue-share")
                    .allow(APPLICANT, OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.post("/api/v1/licences/{revenueLicence}/revenue-share/reports", """
                    {"quarter": "{lastQuarter}", "revenueUsd": 1000.10}""")
                    .allow(APPLICANT),
            Endpoint.get("/api/v1/licences/{revenueLicence}/revenue-share/reports/{lastQuarter}")
                    .allow(APPLICANT, OFFICER, AUDITOR)
                    .deniedAsNotFound(),
            Endpoint.post("/api/v1/licences/{revenueLicence}/revenue-share/remittances", """
                    {"quarter": "{lastQuarter}", "amountUsd": 250.03, "paidOn": "{today}", "reference": "M-{unique}"}""")
                    .allow(OFFICER),
            Endpoint.get("/api/v1/revenue-share/holders/{org:APPLICANT}")
                    .allow(APPLICANT, OFFICER, AUDITOR)
                    .deniedAsNotFound()
            // ---- later issues: append rows here, in a section per module ----
            );
}
