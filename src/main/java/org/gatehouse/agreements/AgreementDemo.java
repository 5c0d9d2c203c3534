package org.gatehouse.agreements;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Usd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code gatehouse serve --demo}: one agreement with the United Arab Emirates, recorded, signed and in force (by the
 * demo officer), with two security commitments, a compute allocation, a first tranche realized and a second tranche
 * pending (due in 90 days). Runs once the demo accounts exist; idempotent: when an agreement with the country is
 * recorded already, nothing is added.
 */
@Component
@ConditionalOnProperty(name = "gatehouse.demo", havingValue = "true")
class AgreementDemo {

    static final CountryCode COUNTRY = CountryCode.of("AE");

    private static final Logger log = LoggerFactory.getLogger(AgreementDemo.class);
    private static final CurrentUser DEMO = CurrentUser.system("demo");

    private final AgreementService agreements;
    private final UserService users;
    private final Clock clock;

    AgreementDemo(AgreementService agreements, UserService users, Clock clock) {
        this.agreements = agreements;
        this.users = users;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        Optional<CurrentUser> officer = account("officer");
        if (officer.isEmpty()) {
            log.warn("Demo agreement not seeded: the demo account officer is needed");
            return;
        }
        if (!agreements.list(officer.get(), COUNTRY, null, Paging.first(1)).isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Agreement a = agreements
                .create(
                        officer.get(),
                        AgreementTerms.of(
                                COUNTRY.value(),
                                "US–UAE Partnership on Secure AI Infrastructure",
                                List.of("Secretary of Commerce (US)", "Minister of State for AI (AE)")),
                        new AgreementService.Investment(
                                Usd.of("20000000000.00"), BigDecimal.ONE, Usd.of("20000000000.00")),
                        500_000L,
                        List.of(
                                "No access to the allocated compute by entities in D:5 countries",
                                "Annual on-site security audit by US officials"),
                        List.of(
                                new Agreement.TrancheTerms(today.minusDays(30), Usd.of("5000000000.00")),
                                new Agreement.TrancheTerms(today.plusDays(90), Usd.of("5000000000.00"))))
                .agreement();
        AgreementId id = a.id();
        agreements.sign(officer.get(), id, today.minusDays(60), 1);
        agreements.enterIntoForce(officer.get(), id, today.minusDays(45), 2);
        agreements.setCommitment(
                officer.get(), id, 1, CommitmentStatus.MET, "Access controls audited by the Department of Commerce", 3);
        agreements.realize(
                officer.get(),
                id,
                1,
                Usd.of("5000000000.00"),
                today.minusDays(31),
                "9b74c9897bac770ffc029102a200c5de6f2a2e5c3f8b1e0d4c7a6b5e4d3c2b1a",
                4);
        log.info("Demo agreement {} with {} in force; tranche 2 pending until {}", id, COUNTRY, today.plusDays(90));
    }

    private Optional<CurrentUser> account(String username) {
        try {
            return users.withOrganization(users.getByUsername(DEMO, Username.of(username)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
