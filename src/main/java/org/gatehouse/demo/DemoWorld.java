package org.gatehouse.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.agreements.Agreement;
import org.gatehouse.agreements.AgreementService;
import org.gatehouse.agreements.AgreementTerms;
import org.gatehouse.applications.Application;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.ApplicationFilter;
import org.gatehouse.applications.ApplicationService;
import org.gatehouse.applications.DocumentRef;
import org.gatehouse.applications.LineItem;
import org.gatehouse.applications.Party;
import org.gatehouse.cases.CaseService;
import org.gatehouse.cases.Decision;
import org.gatehouse.cases.Evidence;
import org.gatehouse.identity.Agency;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.DisplayName;
import org.gatehouse.identity.NewOrganization;
import org.gatehouse.identity.NewUser;
import org.gatehouse.identity.Organization;
import org.gatehouse.identity.OrganizationName;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Password;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.licensing.ExemptionService;
import org.gatehouse.licensing.LicenceNumber;
import org.gatehouse.licensing.LicenceService;
import org.gatehouse.licensing.NotificationLine;
import org.gatehouse.licensing.NotificationReport;
import org.gatehouse.licensing.ShipmentLine;
import org.gatehouse.licensing.ShipmentReport;
import org.gatehouse.policy.Requirement;
import org.gatehouse.preapproval.Inspection;
import org.gatehouse.preapproval.PreApprovalFilter;
import org.gatehouse.preapproval.PreApprovalRequest;
import org.gatehouse.preapproval.PreApprovalService;
import org.gatehouse.preapproval.PreApprovalState;
import org.gatehouse.preapproval.Site;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.screening.server.ScreeningService;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Usd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo world ({@code demo/world.yaml}) after the demo accounts exist, through the services a user would
 * call: each application is created, submitted (assessed under the policy in force, screened, its compute reserved),
 * reviewed, referred, held, decided, licensed, shipped or notified by the people of the story, each step with the
 * clock set to its day in the past, so that the review clocks, validity and notification periods read as they would
 * had it all happened. The reactions to each step (a case opening, an exemption, a screening flag) are awaited before
 * the clock moves on.
 *
 * <p>Idempotent by natural keys: an organization by its name, a user by its username, an application by its exporter
 * and reference ({@code DEMO-…}); what exists is left alone, so a second start adds nothing.
 *
 * <p>The instruments come from the same file: the government-to-government agreements first (the UAE's with a tranche
 * past due and unrealized, which the tier-3 case G42 "Stargate UAE" waits for; Saudi Arabia's in good standing), then
 * in the stories the buyers' pre-approvals (asked for by the exporter, granted before a tier-2 approval, as the rule
 * requires) and their inspections.
 */
@Component
@ConditionalOnExpression(DemoConfiguration.ENABLED)
@Order(DemoWorld.ORDER)
class DemoWorld implements ApplicationRunner {

    /** After the demo accounts ({@code identity.DemoAccounts}, order 100), whose officer and agencies act here. */
    static final int ORDER = 200;

    private static final Logger log = LoggerFactory.getLogger(DemoWorld.class);
    private static final CurrentUser DEMO = CurrentUser.system("demo");
    private static final Duration REACTIONS_WAIT_MAX = Duration.ofSeconds(30);
    private static final Map<Agency, String> AGENCY_USERS =
            new EnumMap<>(Map.of(Agency.STATE, "state", Agency.DEFENSE, "defense", Agency.ENERGY, "energy"));

    private final OrganizationService organizations;
    private final UserService users;
    private final ApplicationService applications;
    private final CaseService cases;
    private final LicenceService licences;
    private final ExemptionService exemptions;
    private final ScreeningService screening;
    private final PreApprovalService preApprovals;
    private final AgreementService agreements;
    private final PendingReactions publications;
    private final SeedingClock clock;
    private final Environment environment;
    private final PrintStream out = System.out;
    private final Map<String, CurrentUser> callers = new HashMap<>();

    DemoWorld(
            OrganizationService organizations,
            UserService users,
            ApplicationService applications,
            CaseService cases,
            LicenceService licences,
            ExemptionService exemptions,
            ScreeningService screening,
            PreApprovalService preApprovals,
            AgreementService agreements,
            PendingReactions publications,
            SeedingClock clock,
            Environment environment) {
        this.organizations = organizations;
        this.users = users;
        this.applications = applications;
        this.cases = cases;
        this.licences = licences;
        this.exemptions = exemptions;
        this.screening = screening;
        this.preApprovals = preApprovals;
        this.agreements = agreements;
        this.publications = publications;
        this.clock = clock;
        this.environment = environment;
    }

    /** What one run did: applications seeded now and found already there, and how long it took. */
    record Seeded(int seeded, int present, Duration took) {}

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    Seeded seed() {
        long start = System.nanoTime();
        World world = World.load();
        callers.clear();
        List<String[]> accounts = people(world);
        Instant now = Instant.now();
        int seeded = 0;
        int present = 0;
        Map<String, Set<String>> filed = new HashMap<>();
        try {
            if (world.agreements() != null) {
                world.agreements().forEach(a -> agreement(a, now));
            }
            for (World.Story story : world.applications()) {
                Set<String> references = filed.computeIfAbsent(story.exporter(), this::referencesOf);
                if (references.contains(story.ref())) {
                    present++;
                    continue;
                }
                play(story, now);
                references.add(story.ref());
                seeded++;
            }
        } finally {
            clock.reset();
        }
        awaitReactions();
        Seeded result = new Seeded(seeded, present, Duration.ofNanos(System.nanoTime() - start));
        print(accounts, result);
        return result;
    }

    // ---- people ----

    private List<String[]> people(World world) {
        Optional<Password> chosen = chosenPassword();
        List<String[]> rows = new ArrayList<>();
        for (World.Org org : world.organizations()) {
            Organization organization = organization(org);
            if (org.username() == null) {
                continue;
            }
            Username username = new Username(org.username());
            Optional<User> existing = user(username);
            String shown;
            if (existing.isEmpty()) {
                Password password = chosen.orElseGet(Password::generate);
                users.create(
                        DEMO,
                        new NewUser(
                                username,
                                new DisplayName(org.displayName()),
                                organization.id(),
                                Set.of(org.role()),
                                password));
                shown = chosen.isPresent() ? "(GATEHOUSE_DEMO_PASSWORD)" : password.value();
            } else if (!existing.get().organizationId().equals(organization.id())) {
                log.warn("Demo user '{}' not set up: that username belongs to another organization", username);
                continue;
            } else {
                shown = "(unchanged: shown when it was created)";
            }
            rows.add(new String[] {org.username(), org.role().name(), org.name(), shown});
        }
        return rows;
    }

    private Organization organization(World.Org org) {
        try {
            return organizations.getByName(DEMO, org.name());
        } catch (NotFoundException e) {
            return organizations.create(
                    DEMO, new NewOrganization(new OrganizationName(org.name()), org.kind(), org.agency()));
        }
    }

    private Optional<User> user(Username username) {
        try {
            return Optional.of(users.getByUsername(DEMO, username));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private CurrentUser caller(String username) {
        return callers.computeIfAbsent(username, name -> {
            User user = users.getByUsername(DEMO, new Username(name));
            return CurrentUser.of(user, organizations.get(DEMO, user.organizationId()));
        });
    }

    private Optional<Password> chosenPassword() {
        String value = environment.getProperty("gatehouse.demo-password");
        if (value == null || value.isEmpty()) {
            value = System.getenv("GATEHOUSE_DEMO_PASSWORD");
        }
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(new Password(value));
    }

    /** The references of the applications the exporter's organization has filed (drafts included). */
    private Set<String> referencesOf(String exporter) {
        CurrentUser caller = caller(exporter);
        Set<String> references = new HashSet<>();
        ApplicationFilter filter = new ApplicationFilter(caller.organizationId(), null, null, null, null);
        for (int offset = 0; ; offset += Paging.LIMIT_MAX) {
            List<Application> page = applications.list(caller, filter, new Paging(Paging.LIMIT_MAX, offset));
            page.forEach(a -> references.add(a.content().reference()));
            if (page.size() < Paging.LIMIT_MAX) {
                return references;
            }
        }
    }

    // ---- the story of one application ----

    private void play(World.Story story, Instant now) {
        CurrentUser exporter = caller(story.exporter());
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        ApplicationId id = null;
        for (int i = 0; i < story.steps().size(); i++) {
            World.Step step = story.steps().get(i);
            clock.runFrom(moment(step.day(), i, now, today));
            try {
                id = perform(story, step, id, exporter, today);
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        "demo world: " + story.ref() + ", step " + (i + 1) + " (" + step.step() + "): "
                                + e.getMessage(),
                        e);
            }
            awaitReactions();
        }
    }

    /** Day {@code day} from today at 08:00 UTC plus ten minutes a step; today's steps in the hour before now. */
    private static Instant moment(int day, int index, Instant now, LocalDate today) {
        if (day >= 0) {
            return now.minus(Duration.ofMinutes(60 - index));
        }
        return today.plusDays(day).atTime(8, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(10L * index));
    }

    private ApplicationId perform(
            World.Story story, World.Step step, ApplicationId id, CurrentUser exporter, LocalDate today) {
        CurrentUser officer = caller("officer");
        switch (step.step()) {
            case "create" -> {
                return applications
                        .create(exporter, content(story), null, null)
                        .application()
                        .id();
            }
            case "submit" -> applications.submit(exporter, id, null, null);
            case "assign" -> cases.assign(officer, id, new Username("officer"), caseVersion(id));
            case "refer" -> cases.refer(officer, id, Set.copyOf(step.agencies()), step.text(), caseVersion(id));
            case "recommend" ->
                cases.recommend(caller(AGENCY_USERS.get(step.agency())), id, step.recommendation(), step.text());
            case "hold" -> cases.hold(officer, id, step.text(), today.plusDays(step.due()), caseVersion(id));
            case "answer" -> cases.answer(exporter, id, step.text());
            case "evidence" -> fileEvidence(story, id, exporter, officer);
            case "return" -> cases.returnWithoutAction(officer, id, step.text(), caseVersion(id));
            case "approve" ->
                cases.decide(
                        officer,
                        id,
                        step.conditions() == null ? Decision.APPROVED : Decision.APPROVED_WITH_CONDITIONS,
                        step.text(),
                        step.conditions(),
                        caseVersion(id));
            case "deny" -> cases.decide(officer, id, Decision.DENIED, step.text(), null, caseVersion(id));
            case "withdraw" ->
                applications.withdraw(
                        exporter, id, applications.get(exporter, id).version());
            case "ship" -> ship(story, step, id, exporter, officer, today);
            case "notify" ->
                exemptions.fileNotification(
                        exporter,
                        id,
                        new NotificationReport(
                                shippedOn(step, today),
                                step.lines().stream()
                                        .map(l -> new NotificationLine(l.item(), l.quantity()))
                                        .toList(),
                                story.ref() + "/N" + step.day()),
                        null,
                        story.ref() + "/N" + step.day());
            case "disposition" -> {
                for (ScreeningHit hit : screening.hitsOf(officer, id)) {
                    if (!hit.dispositioned()) {
                        screening.disposition(officer, id, hit.id(), step.disposition(), step.text());
                    }
                }
            }
            case "preapprove" -> preApproval(story, exporter, officer, !Boolean.FALSE.equals(step.grant()));
            case "inspect" -> inspect(story, step, officer, today);
            default -> throw new IllegalArgumentException("unknown step '" + step.step() + "'");
        }
        return id;
    }

    private long caseVersion(ApplicationId id) {
        return cases.get(caller("officer"), id).review().version();
    }

    /** Requirements that a module answers for, which a filed document cannot meet. */
    private static final Set<Requirement> ANSWERED = Set.of(
            Requirement.SCREENING_REVIEW,
            Requirement.BUYER_PREAPPROVAL,
            Requirement.BUSINESS_MODEL_DISCLOSURE,
            Requirement.SITE_INSPECTION_CONSENT,
            Requirement.G2G_AGREEMENT,
            Requirement.SECURITY_COMMITMENTS,
            Requirement.US_INVESTMENT_MATCH);

    private static final Set<Requirement> BY_PREAPPROVAL = Set.of(
            Requirement.BUYER_PREAPPROVAL, Requirement.BUSINESS_MODEL_DISCLOSURE, Requirement.SITE_INSPECTION_CONSENT);

    /**
     * Meets what the case still lacks as the exporter would: the buyer's pre-approval when the rule asks for one, and a
     * document for each requirement that a document meets.
     */
    private void fileEvidence(World.Story story, ApplicationId id, CurrentUser exporter, CurrentUser officer) {
        boolean needsPreApproval = cases.get(officer, id).evidence().stream()
                .anyMatch(e -> e instanceof Evidence.Missing m && BY_PREAPPROVAL.contains(m.requirement()));
        if (needsPreApproval) {
            preApproval(story, exporter, officer, true);
        }
        for (Evidence evidence : cases.get(officer, id).evidence()) {
            if (evidence instanceof Evidence.Missing missing && !ANSWERED.contains(missing.requirement())) {
                String name = story.ref() + " "
                        + missing.requirement().name().toLowerCase().replace('_', ' ') + ".pdf";
                cases.fileDocument(
                        exporter,
                        id,
                        missing.requirement(),
                        new DocumentRef(name, "application/pdf", sha256(name), 40_000 + name.length() * 131L));
            }
        }
    }

    // ---- the instruments ----

    /**
     * The end user's pre-approval in the destination, asked for by the exporter (with the buyer's business-model
     * disclosure and consent to inspection of the story's site) and, when {@code grant}, reviewed and granted by the
     * officer; one that exists already (another story of the same buyer) is left as it is.
     */
    private void preApproval(World.Story story, CurrentUser exporter, CurrentUser officer, boolean grant) {
        Party endUser = endUser(story);
        CountryCode country = CountryCode.of(story.destination());
        if (findPreApproval(story, officer).isPresent()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        String disclosure = endUser.name() + " business model " + story.destination() + ".pdf";
        var requested = preApprovals
                .request(
                        exporter,
                        new PreApprovalRequest(
                                CompanyName.of(endUser.name()),
                                CompanyName.of(endUser.ultimateParent()),
                                List.of(country),
                                List.of(new Site(story.site(), country, endUser.address())),
                                new DocumentRef(disclosure, "application/pdf", sha256(disclosure), 350_000),
                                true,
                                today,
                                today.plusYears(2)))
                .preApproval();
        if (grant) {
            var reviewed = preApprovals.review(officer, requested.id(), requested.version());
            preApprovals.grant(
                    officer,
                    requested.id(),
                    "Quarterly utilization reports; no remote access from D:5 countries.",
                    null,
                    null,
                    reviewed.preApproval().version());
        }
    }

    private Optional<PreApprovalService.Viewed> findPreApproval(World.Story story, CurrentUser officer) {
        PreApprovalFilter filter = new PreApprovalFilter(
                null,
                CompanyName.of(endUser(story).name()).key(),
                CountryCode.of(story.destination()),
                null,
                null,
                null);
        return preApprovals.list(officer, filter, Paging.first(1)).stream().findFirst();
    }

    /**
     * An inspection of the story's site under the end user's granted pre-approval, scheduled for day {@code due} and
     * assigned to the demo inspector, who records {@code outcome} (with {@code text} as the findings) when the step
     * gives one.
     */
    private void inspect(World.Story story, World.Step step, CurrentUser officer, LocalDate today) {
        var preApproval = findPreApproval(story, officer)
                .filter(p -> p.standing() == PreApprovalState.GRANTED)
                .orElseThrow(() -> new IllegalStateException("no granted pre-approval of the end user to inspect"));
        LocalDate on = today.plusDays(step.due());
        Inspection inspection = preApprovals.schedule(
                officer, preApproval.preApproval().id(), story.site(), on, new Username("inspector"));
        if (step.outcome() != null) {
            preApprovals.record(
                    caller("inspector"),
                    inspection.id(),
                    on,
                    step.outcome(),
                    step.text(),
                    sha256("inspection report " + story.ref() + " " + on),
                    step.outcome() == org.gatehouse.preapproval.InspectionOutcome.FINDINGS ? on.plusDays(60) : null,
                    inspection.version());
        }
    }

    /**
     * A government-to-government agreement, recorded and signed on its day, in force on its day, its commitments
     * assessed and its realized tranches recorded; one that exists for the country already is left alone.
     */
    private void agreement(World.AgreementDef def, Instant now) {
        CurrentUser officer = caller("officer");
        CountryCode country = CountryCode.of(def.country());
        if (!agreements.list(officer, country, null, Paging.first(1)).isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        clock.runFrom(moment(def.signedDay(), 0, now, today));
        try {
            Agreement a = agreements
                    .create(
                            officer,
                            AgreementTerms.of(def.country(), def.title(), def.signatories()),
                            new AgreementService.Investment(
                                    Usd.of(def.pledgedUsd().toPlainString()),
                                    null,
                                    Usd.of(def.homeInvestmentUsd().toPlainString())),
                            def.allocationGb300e(),
                            def.commitments().stream()
                                    .map(World.CommitmentDef::text)
                                    .toList(),
                            def.tranches().stream()
                                    .map(t -> new Agreement.TrancheTerms(
                                            today.plusDays(t.dueDay()),
                                            Usd.of(t.amountUsd().toPlainString())))
                                    .toList())
                    .agreement();
            a = agreements
                    .sign(officer, a.id(), today.plusDays(def.signedDay()), a.version())
                    .agreement();
            clock.runFrom(moment(def.inForceDay(), 1, now, today));
            a = agreements
                    .enterIntoForce(officer, a.id(), today.plusDays(def.inForceDay()), a.version())
                    .agreement();
            for (int i = 0; i < def.commitments().size(); i++) {
                World.CommitmentDef c = def.commitments().get(i);
                if (c.status() != null) {
                    a = agreements
                            .setCommitment(officer, a.id(), i + 1, c.status(), c.note(), a.version())
                            .agreement();
                }
            }
            for (int i = 0; i < def.tranches().size(); i++) {
                World.TrancheDef t = def.tranches().get(i);
                if (t.realizedDay() != null) {
                    clock.runFrom(moment(t.realizedDay(), 2 + i, now, today));
                    a = agreements
                            .realize(
                                    officer,
                                    a.id(),
                                    i + 1,
                                    Usd.of(t.amountUsd().toPlainString()),
                                    today.plusDays(t.realizedDay()),
                                    sha256(def.title() + " tranche " + (i + 1)),
                                    a.version())
                            .agreement();
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "demo world: the agreement with " + def.country() + ": " + e.getMessage(), e);
        }
    }

    private void ship(
            World.Story story,
            World.Step step,
            ApplicationId id,
            CurrentUser exporter,
            CurrentUser officer,
            LocalDate today) {
        String number = cases.get(officer, id).review().decision().licenceNumber();
        LocalDate shippedOn = shippedOn(step, today);
        String reference = story.ref() + "/S" + step.day();
        licences.reportShipment(
                exporter,
                LicenceNumber.parse(number),
                new ShipmentReport(
                        shippedOn,
                        step.lines().stream()
                                .map(l -> new ShipmentLine(l.item(), l.quantity(), l.valueUsd()))
                                .toList(),
                        Boolean.TRUE.equals(step.testReport()) ? sha256("US test report " + reference) : null,
                        reference),
                null,
                reference);
    }

    private static LocalDate shippedOn(World.Step step, LocalDate today) {
        return today.plusDays(step.shipped() == null ? step.day() : step.shipped());
    }

    private static Party endUser(World.Story story) {
        return party(story.endUser() == null ? story.purchaser() : story.endUser());
    }

    private static ApplicationContent content(World.Story story) {
        Party purchaser = party(story.purchaser());
        Party endUser = story.endUser() == null ? purchaser : party(story.endUser());
        List<Party> consignees = story.consignees() == null
                ? List.of()
                : story.consignees().stream().map(DemoWorld::party).toList();
        return new ApplicationContent(
                story.ref(),
                purchaser,
                consignees,
                endUser,
                endUser,
                story.destination(),
                story.site(),
                story.endUse(),
                story.valueUsd(),
                story.lines().stream()
                        .map(l -> new LineItem(l.item(), null, l.quantity()))
                        .toList(),
                List.of());
    }

    private static Party party(World.PartyDef party) {
        return new Party(
                party.name(), party.parent() == null ? party.name() : party.parent(), party.country(), party.address());
    }

    // ---- plumbing ----

    /** Waits until every listener of the events published so far has finished (a case opened, an exemption…). */
    private void awaitReactions() {
        long deadline = System.nanoTime() + REACTIONS_WAIT_MAX.toNanos();
        while (publications.incomplete() > 0) {
            if (System.nanoTime() > deadline) {
                log.warn("Demo world: reactions still pending after {}; going on", REACTIONS_WAIT_MAX);
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void print(List<String[]> accounts, Seeded seeded) {
        StringBuilder block = new StringBuilder();
        block.append(String.format(
                "%nDemo world: %d applications seeded now, %d already there (%d ms); its people sign in at /login too:%n",
                seeded.seeded(), seeded.present(), seeded.took().toMillis()));
        block.append(String.format("  %-10s %-10s %-38s %s%n", "USERNAME", "ROLE", "ORGANIZATION", "PASSWORD"));
        for (String[] row : accounts) {
            block.append(String.format("  %-10s %-10s %-38s %s%n", (Object[]) row));
        }
        out.print(block);
        out.flush();
    }
}
