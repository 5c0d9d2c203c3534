package org.gatehouse;

import java.util.EnumMap;
import java.util.Map;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.TokenName;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;

/**
 * API tokens for the demo account of each role (created by {@code gatehouse.demo=true} in
 * {@link IntegrationTest}), issued once per application context and shared by every test.
 */
public final class TestCallers {

    /** The demo account used for each role (AGENCY: the State Department's). */
    public static final Map<Role, String> USERNAMES = Map.of(
            Role.APPLICANT, "exporter",
            Role.BUYER, "buyer",
            Role.OFFICER, "officer",
            Role.AGENCY, "state",
            Role.INSPECTOR, "inspector",
            Role.AUDITOR, "auditor",
            Role.ADMIN, "admin");

    public static final CurrentUser SYSTEM = CurrentUser.system("test");

    private static final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private static TokenService issuedBy;

    private TestCallers() {}

    /** A token (secret) of the demo account holding {@code role}. */
    public static synchronized String token(TokenService tokenService, UserService users, Role role) {
        if (issuedBy != tokenService) { // a new application context: a new database
            tokens.clear();
            issuedBy = tokenService;
        }
        return tokens.computeIfAbsent(
                role,
                r -> tokenService
                        .create(SYSTEM, user(users, r).id(), new TokenName("tests: " + r), null)
                        .secret()
                        .value());
    }

    public static User user(UserService users, Role role) {
        return users.getByUsername(SYSTEM, new Username(USERNAMES.get(role)));
    }

    public static String organizationId(UserService users, OrganizationService organizations, Role role) {
        return organizations
                .get(SYSTEM, user(users, role).organizationId())
                .id()
                .toString();
    }
}
