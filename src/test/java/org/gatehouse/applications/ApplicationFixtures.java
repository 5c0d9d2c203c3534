package org.gatehouse.applications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.Assessor;
import org.gatehouse.policy.Disclosure;
import org.gatehouse.policy.LedgerView;
import org.gatehouse.policy.Policies;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.OrganizationId;

/** Applications and their parts for plain tests: small, valid, and named for what they are. */
final class ApplicationFixtures {

    static final Instant CREATED = Instant.parse("2026-11-02T09:00:00Z");
    static final Instant LATER = Instant.parse("2026-11-03T10:30:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 3);
    static final OrganizationId EXPORTER = new OrganizationId(java.util.UUID.randomUUID());

    private ApplicationFixtures() {}

    /** {@code units} of {@code item} for a company's end user in {@code destination}. */
    static ApplicationContent aDeal(String destination, String item, long units) {
        return new ApplicationContent(
                "PO-1",
                null,
                List.of(),
                null,
                new Party("Humain Cloud", "Public Investment Fund", destination, null),
                destination,
                "Riyadh campus",
                "AI training",
                null,
                List.of(new LineItem(item, null, units)),
                List.of());
    }

    /** A draft (version 1) of a deal that needs a tier-2 licence: 5,000 H100 to Saudi Arabia. */
    static Application aDraft() {
        return aDraftOf(aDeal("SA", "H100", 5_000));
    }

    static Application aDraftOf(ApplicationContent content) {
        return Application.draft(ApplicationId.random(), EXPORTER, "exporter", content, CREATED);
    }

    /** A draft already submitted for a licence (version 2). */
    static Application aSubmittedApplication() {
        Application application = aDraft();
        application.submit(1L, assessedAlone(application.id()), shownWhole(), LATER);
        application.pullEvents();
        return application;
    }

    /** Every figure of the assessment shown to its applicant (the ledger is empty here anyway). */
    static Function<Assessment, Disclosure> shownWhole() {
        return assessment -> Disclosure.EVERYTHING;
    }

    /** Assesses content under the default policy, with nothing else in the ledger. */
    static Function<ApplicationContent, Assessment> assessedAlone(ApplicationId id) {
        return content -> Assessor.assess(
                content.toDeal(id, "exporter", TODAY, false),
                Policies.builtIn().defaultPolicy(),
                LedgerView.EMPTY,
                TODAY);
    }
}
