package org.gatehouse.preapproval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.DocumentRef;
import org.gatehouse.applications.LineItem;
import org.gatehouse.applications.Party;
import org.gatehouse.cases.CaseFacts;
import org.gatehouse.identity.Role;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.OrganizationId;

/** Pre-approvals and cases for plain tests: requested on {@link #TODAY} for Humain (parent PIF) in Saudi Arabia. */
final class PreApprovalFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 1);
    static final Instant NOW = Instant.parse("2026-10-01T09:00:00Z");

    private PreApprovalFixtures() {}

    static PreApprovalRequest aRequest(boolean consent, String... countries) {
        List<CountryCode> codes =
                List.of(countries).stream().map(CountryCode::of).toList();
        return new PreApprovalRequest(
                CompanyName.of("Humain"),
                CompanyName.of("Public Investment Fund"),
                codes,
                List.of(new Site("Riyadh-1", codes.getFirst(), "KAFD, Riyadh")),
                new DocumentRef("bm.pdf", "application/pdf", "a".repeat(64), 100),
                consent,
                TODAY,
                TODAY.plusYears(1));
    }

    static PreApproval aRequested() {
        return PreApproval.request(
                PreApprovalId.random(),
                new OrganizationId(UUID.randomUUID()),
                Role.APPLICANT,
                "exporter",
                aRequest(true, "SA"),
                NOW);
    }

    /** Requested, reviewed and granted as asked: version 3. */
    static PreApproval aGranted() {
        PreApproval p = aRequested();
        p.review(1, "officer", NOW);
        p.grant("reports", TODAY, TODAY.plusYears(1), TODAY, 2, "officer", NOW);
        return p;
    }

    /** A tier-2 case of Humain (parent PIF) to {@code destination}, decided on {@code day}. */
    static CaseFacts aCase(String parent, String destination, LocalDate day) {
        ApplicationContent content = new ApplicationContent(
                null,
                null,
                List.of(),
                null,
                new Party("Humain", parent, destination, null),
                destination,
                null,
                "AI training",
                null,
                List.of(new LineItem("HGX H100", null, 625)),
                List.of());
        return new CaseFacts(
                ApplicationId.random(),
                new OrganizationId(UUID.randomUUID()),
                content,
                CompanyName.of("Humain"),
                CompanyName.of(parent),
                CountryCode.of(destination),
                new Tier("T2"),
                day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
    }
}
