package org.gatehouse.identity.web;

import static org.gatehouse.identity.Role.AGENCY;
import static org.gatehouse.identity.Role.APPLICANT;
import static org.gatehouse.identity.Role.AUDITOR;
import static org.gatehouse.identity.Role.BUYER;
import static org.gatehouse.identity.Role.INSPECTOR;
import static org.gatehouse.identity.Role.OFFICER;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Organization;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The primary navigation of the web UI: <b>the one list a module adds its pages to</b> ({@link #ITEMS}). The layout
 * asks this bean for the signed-in person's menu ({@code ${@navigation.menu()}}), so no controller has to put it in its
 * model, and error pages get it too.
 *
 * <p>An item is shown to the roles it names. That decides what a person is offered, not what they may do: every page
 * calls services that check the caller again, so a hidden page reached by its address is still refused.
 */
@Component("navigation")
public class Navigation {

    /** Shown to every signed-in person. */
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    /**
     * Every item of the primary navigation, in order. A new module's pages get one line here (label, address, the
     * roles that use them).
     */
    static final List<Item> ITEMS = List.of(
            new Item("Home", "/", EVERYONE),
            new Item("Check a deal", "/assess", EnumSet.of(APPLICANT, OFFICER)),
            new Item("Applications", "/applications", EnumSet.of(APPLICANT, OFFICER, AUDITOR)),
            new Item("Cases", "/cases", EnumSet.of(APPLICANT, OFFICER, AGENCY, AUDITOR)),
            new Item("Licences", "/licences", EnumSet.of(APPLICANT, OFFICER, AUDITOR)),
            new Item("Exemptions", "/exemptions", EnumSet.of(APPLICANT, OFFICER, AUDITOR)),
            new Item("Pre-approvals", "/preapprovals", EnumSet.of(BUYER, APPLICANT, OFFICER, AUDITOR)),
            new Item("Inspections", "/inspections", EnumSet.of(BUYER, INSPECTOR, OFFICER, AUDITOR)),
            new Item("Agreements", "/agreements", EnumSet.of(OFFICER, AUDITOR)),
            new Item("National compute", "/compute", EnumSet.of(OFFICER, AGENCY, AUDITOR)),
            new Item("Policy lab", "/lab", EnumSet.of(OFFICER, AGENCY, AUDITOR)),
            new Item("Audit log", "/audit", EnumSet.of(AUDITOR)));

    /** An entry of the navigation: its label, its address, and the roles it is offered to. */
    public record Item(String label, String path, Set<Role> roles) {}

    /** A link as rendered: {@code current} when it is the page being shown (or one under it). */
    public record Link(String label, String path, boolean current) {}

    /** What the header shows a signed-in person: who they are and where they can go. */
    public record Menu(String displayName, String organizationName, List<Link> links) {}

    private static final Logger log = LoggerFactory.getLogger(Navigation.class);

    private final UserService users;
    private final OrganizationService organizations;

    Navigation(UserService users, OrganizationService organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    /** The signed-in person's menu for the current request, or null when nobody is signed in. */
    public Menu menu() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !(authentication.getPrincipal() instanceof CurrentUser caller)
                || caller.isSystem()) {
            return null;
        }
        try {
            User user = users.get(caller, caller.userId());
            Organization organization = organizations.get(caller, caller.organizationId());
            return new Menu(user.displayName().value(), organization.name().value(), links(caller.roles(), path()));
        } catch (RuntimeException e) {
            // The layout also frames the error pages: when the database is what failed, the page still renders.
            log.warn("Navigation left out of the page: {}", e.toString());
            return null;
        }
    }

    /** The items offered to someone holding {@code roles}, the one at {@code path} marked current. */
    static List<Link> links(Set<Role> roles, String path) {
        List<Item> offered = new ArrayList<>();
        for (Item item : ITEMS) {
            if (item.roles().stream().anyMatch(roles::contains)) {
                offered.add(item);
            }
        }
        Item current = null;
        for (Item item : offered) {
            boolean matches = item.path().equals("/")
                    ? path.equals("/")
                    : path.equals(item.path()) || path.startsWith(item.path() + "/");
            if (matches
                    && (current == null || item.path().length() > current.path().length())) {
                current = item;
            }
        }
        List<Link> links = new ArrayList<>(offered.size());
        for (Item item : offered) {
            links.add(new Link(item.label(), item.path(), item == current));
        }
        return links;
    }

    private static String path() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            Object forwarded = request.getRequest().getAttribute("jakarta.servlet.error.request_uri");
            return forwarded instanceof String original
                    ? original
                    : request.getRequest().getRequestURI();
        }
        return "";
    }
}
