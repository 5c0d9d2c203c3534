package org.gatehouse.preapproval;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gatehouse.applications.DocumentRef;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code gatehouse serve --demo}: one pre-approval of the demo buyer (asked for by its account, granted by the demo
 * officer) with an inspection of its site scheduled for the demo inspector in 30 days. Runs once the demo accounts
 * exist (when the application is ready); idempotent: when the demo buyer has a pre-approval already, nothing is added.
 */
@Component
@ConditionalOnProperty(name = "gatehouse.demo", havingValue = "true")
class PreApprovalDemo {

    /** The demo buyer's organization (identity's demo accounts), which the pre-approval is for. */
    static final String BUYER = "Falaj Digital Infrastructure FZ-LLC";

    private static final Logger log = LoggerFactory.getLogger(PreApprovalDemo.class);
    private static final CurrentUser DEMO = CurrentUser.system("demo");

    private final PreApprovalService preApprovals;
    private final UserService users;
    private final Clock clock;

    PreApprovalDemo(PreApprovalService preApprovals, UserService users, Clock clock) {
        this.preApprovals = preApprovals;
        this.users = users;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        Optional<CurrentUser> buyer = account("buyer");
        Optional<CurrentUser> officer = account("officer");
        Optional<CurrentUser> inspector = account("inspector");
        if (buyer.isEmpty() || officer.isEmpty() || inspector.isEmpty()) {
            log.warn("Demo pre-approval not seeded: the demo accounts buyer, officer and inspector are needed");
            return;
        }
        PreApprovalFilter ofBuyer =
                new PreApprovalFilter(null, CompanyName.of(BUYER).key(), null, null, null, null);
        if (!preApprovals.list(officer.get(), ofBuyer, Paging.first(1)).isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        PreApprovalRequest request = new PreApprovalRequest(
                CompanyName.of(BUYER),
                CompanyName.of("Falaj Holding PJSC"),
                List.of(CountryCode.of("AE")),
                List.of(new Site("Falaj AUH-1", CountryCode.of("AE"), "Plot 14, Khalifa Industrial Zone, Abu Dhabi")),
                new DocumentRef(
                        "falaj-business-model-2026.pdf",
                        "application/pdf",
                        "3f1d2c0b9a8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817060504",
                        482_113),
                true,
                today,
                today.plusYears(2));
        PreApproval p = preApprovals.request(buyer.get(), request).preApproval();
        preApprovals.review(officer.get(), p.id(), 1);
        preApprovals.grant(
                officer.get(),
                p.id(),
                "Quarterly utilization reports; no remote access from D:5 countries",
                null,
                null,
                2);
        Inspection inspection = preApprovals.schedule(
                officer.get(), p.id(), "Falaj AUH-1", today.plusDays(30), Username.of("inspector"));
        log.info(
                "Demo pre-approval {} of {} granted; inspection {} scheduled for {}",
                p.id(),
                BUYER,
                inspection.id(),
                inspection.scheduledFor());
    }

    private Optional<CurrentUser> account(String username) {
        try {
            return users.withOrganization(users.getByUsername(DEMO, Username.of(username)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
