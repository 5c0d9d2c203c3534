package org.gatehouse.identity;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.trade.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code gatehouse serve --demo}: one demonstration account per role, in invented organizations.
 * Idempotent: creates what is missing and leaves the rest. Passwords come from
 * {@code GATEHOUSE_DEMO_PASSWORD} (or the property {@code gatehouse.demo-password}) when set, and
 * existing demo accounts are then reset to it; otherwise each new account gets a generated
 * password, printed once here and never again. Everything is audited as the actor {@code demo}.
 */
@Component
@ConditionalOnProperty(name = "gatehouse.demo", havingValue = "true")
@Order(100) // before the demo world (module demo), whose officer and agencies are these accounts
class DemoAccounts implements ApplicationRunner {

    /** An organization of the demonstration. */
    record DemoOrganization(String name, OrganizationKind kind, Agency agency) {}

    /** An account of the demonstration. */
    record DemoUser(String username, String displayName, Role role, DemoOrganization organization) {}

    static final DemoOrganization EXPORTER =
            new DemoOrganization("Veridian Semiconductor, Inc.", OrganizationKind.EXPORTER, null);
    static final DemoOrganization BUYER =
            new DemoOrganization("Falaj Digital Infrastructure FZ-LLC", OrganizationKind.BUYER, null);
    static final DemoOrganization AUTHORITY =
            new DemoOrganization("Bureau of Compute Export Licensing", OrganizationKind.AUTHORITY, null);
    static final DemoOrganization STATE =
            new DemoOrganization("Department of State (review)", OrganizationKind.AGENCY, Agency.STATE);
    static final DemoOrganization DEFENSE =
            new DemoOrganization("Department of Defense (review)", OrganizationKind.AGENCY, Agency.DEFENSE);
    static final DemoOrganization ENERGY =
            new DemoOrganization("Department of Energy (review)", OrganizationKind.AGENCY, Agency.ENERGY);
    static final DemoOrganization INSPECTORATE =
            new DemoOrganization("Office of Compute Site Inspections", OrganizationKind.INSPECTORATE, null);

    /** The demo accounts, documented in docs/identity.md. */
    static final List<DemoUser> USERS = List.of(
            new DemoUser("exporter", "Erin Castellano", Role.APPLICANT, EXPORTER),
            new DemoUser("buyer", "Omar Haddad", Role.BUYER, BUYER),
            new DemoUser("officer", "Lena Marsh", Role.OFFICER, AUTHORITY),
            new DemoUser("state", "Priya Raman", Role.AGENCY, STATE),
            new DemoUser("defense", "Marcus Boyd", Role.AGENCY, DEFENSE),
            new DemoUser("energy", "Hannah Ito", Role.AGENCY, ENERGY),
            new DemoUser("inspector", "Tomás Reyes", Role.INSPECTOR, INSPECTORATE),
            new DemoUser("auditor", "Grace Whitlock", Role.AUDITOR, AUTHORITY),
            new DemoUser("admin", "Sam Okafor", Role.ADMIN, AUTHORITY));

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    private static final CurrentUser DEMO = CurrentUser.system("demo");

    private final OrganizationService organizations;
    private final UserService users;
    private final Environment environment;
    private final PrintStream out;

    DemoAccounts(OrganizationService organizations, UserService users, Environment environment) {
        this.organizations = organizations;
        this.users = users;
        this.environment = environment;
        this.out = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Password> chosen = chosenPassword();
        List<String[]> rows = new ArrayList<>();
        int created = 0;
        for (DemoUser demo : USERS) {
            Organization organization = organization(demo.organization());
            Username username = new Username(demo.username());
            Optional<User> existing = find(username);
            String shown;
            if (existing.isEmpty()) {
                Password password = chosen.orElseGet(Password::generate);
                users.create(
                        DEMO,
                        new NewUser(
                                username,
                                new DisplayName(demo.displayName()),
                                organization.id(),
                                Set.of(demo.role()),
                                password));
                created++;
                shown = chosen.isPresent() ? "(GATEHOUSE_DEMO_PASSWORD)" : password.value();
            } else if (!existing.get().organizationId().equals(organization.id())) {
                log.warn("Demo account '{}' not set up: that username belongs to another organization", username);
                continue;
            } else if (chosen.isPresent()) {
                if (!users.passwordMatches(existing.get().id(), chosen.get())) {
                    users.setPassword(DEMO, existing.get().id(), chosen.get());
                }
                shown = "(GATEHOUSE_DEMO_PASSWORD)";
            } else {
                shown = "(unchanged: shown when it was created)";
            }
            rows.add(new String[] {
                demo.username(), demo.role().name(), demo.organization().name(), shown
            });
        }
        print(rows, created);
    }

    private Optional<Password> chosenPassword() {
        String value = environment.getProperty("gatehouse.demo-password");
        if (value == null || value.isEmpty()) {
            value = System.getenv("GATEHOUSE_DEMO_PASSWORD");
        }
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Password(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("GATEHOUSE_DEMO_PASSWORD " + e.getMessage(), e);
        }
    }

    private Organization organization(DemoOrganization demo) {
        try {
            return organizations.getByName(DEMO, demo.name());
        } catch (NotFoundException e) {
            return organizations.create(
                    DEMO, new NewOrganization(new OrganizationName(demo.name()), demo.kind(), demo.agency()));
        }
    }

    private Optional<User> find(Username username) {
        try {
            return Optional.of(users.getByUsername(DEMO, username));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private void print(List<String[]> rows, int created) {
        StringBuilder block = new StringBuilder();
        block.append(String.format("%nDemo accounts (%d created now); sign in at /login:%n", created));
        block.append(String.format("  %-10s %-10s %-38s %s%n", "USERNAME", "ROLE", "ORGANIZATION", "PASSWORD"));
        for (String[] row : rows) {
            block.append(String.format("  %-10s %-10s %-38s %s%n", (Object[]) row));
        }
        if (created > 0 && rows.stream().anyMatch(r -> !r[3].startsWith("("))) {
            block.append(
                    "  Generated passwords are shown only now; set GATEHOUSE_DEMO_PASSWORD to choose one instead.\n");
        }
        out.print(block);
        out.flush();
    }
}
