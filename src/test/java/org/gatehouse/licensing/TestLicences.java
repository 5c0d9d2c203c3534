package org.gatehouse.licensing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gatehouse.TestCallers;
import org.gatehouse.applications.Application;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.ApplicationService;
import org.gatehouse.applications.ApplicationState;
import org.gatehouse.applications.LineItem;
import org.gatehouse.applications.Party;
import org.gatehouse.cases.ApprovedCase;
import org.gatehouse.cases.LicenceCondition;
import org.gatehouse.cases.LicenceIssuer;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.UserService;
import org.gatehouse.ledger.Ledger;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.policy.Requirement;
import org.gatehouse.trade.ApplicationId;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Licences and exemptions for integration tests, made the way the application makes them: the demo exporter (or
 * another applicant) files and submits an application; for a licence, an approval is played as the case workflow will
 * play it — in one transaction, the application's compute moves RESERVED → AUTHORIZED and {@link LicenceIssuer} issues
 * the licence from an {@link ApprovedCase}; an exempt submission's exemption is recorded by the licensing module's own
 * listener, which this waits for.
 */
public final class TestLicences {

    /** Requirements of an assessment that become licence conditions (those that apply after approval). */
    static final Set<Requirement> CONDITIONS = EnumSet.of(
            Requirement.POST_SHIPMENT_NOTIFICATION,
            Requirement.REVENUE_SHARE,
            Requirement.THIRD_PARTY_TESTING_US,
            Requirement.KYC_REMOTE_ACCESS_CONTROLS,
            Requirement.EXPORTER_MONITORING,
            Requirement.ANTI_CLUSTERING_SOFTWARE);

    private TestLicences() {}

    /** An issued licence: its number, application and the compute it authorized. */
    public record Issued(String number, ApplicationId applicationId, long authorizedTpp) {}

    /** A deal of a company of its own (a fresh name) in {@code destination}. */
    public static ApplicationContent aDeal(String destination, LineItem... lines) {
        String company = "Licensed Co " + UUID.randomUUID();
        return new ApplicationContent(
                "PO-" + company.substring(company.length() - 6),
                new Party(company, null, destination, null),
                List.of(),
                new Party(company, null, destination, null),
                new Party(company + " Cloud", company, destination, "Data centre 1"),
                destination,
                "Data centre 1",
                "AI training",
                new java.math.BigDecimal("1000000.00"),
                List.of(lines),
                List.of());
    }

    public static LineItem units(String item, long quantity) {
        return new LineItem(item, null, quantity);
    }

    /** The demo exporter, as a caller. */
    public static CurrentUser exporter(ApplicationContext context) {
        UserService users = context.getBean(UserService.class);
        return users.withOrganization(TestCallers.user(users, Role.APPLICANT)).orElseThrow();
    }

    /** A licence of the demo exporter for {@code content}, approved now, valid for the policy's years. */
    public static Issued issue(ApplicationContext context, ApplicationContent content) {
        return issue(context, exporter(context), content);
    }

    /** A licence of {@code applicant}'s organization for {@code content}, approved now. */
    public static Issued issue(ApplicationContext context, CurrentUser applicant, ApplicationContent content) {
        ApplicationService applications = context.getBean(ApplicationService.class);
        Application draft =
                applications.create(applicant, content, null, "licence").application();
        Application submitted =
                applications.submit(applicant, draft.id(), 1L, null).application();
        if (submitted.state() != ApplicationState.SUBMITTED || !submitted.holdsCompute()) {
            throw new IllegalArgumentException("the deal must need a licence, got " + submitted.state() + " "
                    + submitted.registration().outcome());
        }
        Clock clock = context.getBean(Clock.class);
        Instant approvedAt = clock.instant();
        LocalDate approvedOn = LocalDate.ofInstant(approvedAt, clock.getZone());
        Policy policy = context.getBean(PolicyInForce.class).on(approvedOn);
        LocalDate validUntil =
                approvedOn.plusYears(policy.procedure().licenceValidityYears()).minusDays(1);
        String assessment = submitted.registration().assessmentJson();
        ApprovedCase approved = new ApprovedCase(
                submitted.id(),
                submitted.organizationId(),
                submitted.content(),
                submitted.registration().policy(),
                assessment,
                submitted.registration().controlledTpp(),
                conditions(assessment),
                null,
                "officer",
                approvedAt,
                validUntil);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        String number = transaction.execute(status -> {
            context.getBean(Ledger.class)
                    .authorize(submitted.id(), approved.authorizedTpp(), "case.approved", approved.approvedBy());
            return context.getBean(LicenceIssuer.class).issue(approved);
        });
        return new Issued(number, submitted.id(), approved.authorizedTpp().value());
    }

    /** The conditions of an assessment's requirements that apply after approval, with the policy's parameters. */
    static List<LicenceCondition> conditions(String assessmentJson) {
        JsonNode assessment = JsonMapper.shared().readTree(assessmentJson);
        List<LicenceCondition> conditions = new ArrayList<>();
        for (JsonNode code : assessment.get("requirements")) {
            Requirement requirement = Requirement.valueOf(code.asString());
            if (CONDITIONS.contains(requirement)) {
                JsonNode parameters = assessment.get("parameters").get(requirement.name());
                Map<String, String> values = new java.util.LinkedHashMap<>();
                if (parameters != null) {
                    for (String name : parameters.propertyNames()) {
                        values.put(name, parameters.get(name).asString());
                    }
                }
                conditions.add(new LicenceCondition(requirement, values));
            }
        }
        return conditions;
    }

    /**
     * An exempt application of {@code applicant} (submitted through the service) and its exemption, once the
     * licensing module's listener has recorded it (within 20 seconds).
     */
    public static ApplicationId exemption(
            ApplicationContext context, CurrentUser applicant, ApplicationContent content) {
        ApplicationService applications = context.getBean(ApplicationService.class);
        Application draft =
                applications.create(applicant, content, null, "exemption").application();
        Application submitted =
                applications.submit(applicant, draft.id(), 1L, null).application();
        if (submitted.state() != ApplicationState.EXEMPT) {
            throw new IllegalArgumentException("the deal must be exempt, got " + submitted.state());
        }
        awaitExemption(context, submitted.id());
        return submitted.id();
    }

    /** Waits until the listener has recorded the exemption of {@code id}. */
    public static Exemption awaitExemption(ApplicationContext context, ApplicationId id) {
        Exemptions exemptions = context.getBean(Exemptions.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Optional<Exemption> found = exemptions.find(id);
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the exemption of " + id + " was not recorded within 20 s");
    }
}
