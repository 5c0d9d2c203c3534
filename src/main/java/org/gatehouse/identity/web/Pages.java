package org.gatehouse.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.HomeSection;
import org.gatehouse.identity.Organization;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserService;
import org.gatehouse.system.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page and the home page of the web UI. The home page shows the person's account and then every
 * {@link HomeSection} that has something for them (each module contributes its own: drafts, totals, counts).
 */
@Controller
@WebPage
class Pages {

    private final UserService users;
    private final OrganizationService organizations;
    private final List<HomeSection> sections;

    Pages(UserService users, OrganizationService organizations, List<HomeSection> sections) {
        this.users = users;
        this.organizations = organizations;
        this.sections = sections;
    }

    /** The form posts to {@code /login}, where Spring Security checks it (with its CSRF token). */
    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(CurrentUser caller, Model model) {
        User user = users.get(caller, caller.userId());
        Organization organization = organizations.get(caller, caller.organizationId());
        model.addAttribute("user", user);
        model.addAttribute("organization", organization);
        model.addAttribute("roles", user.roles().stream().map(Role::name).collect(Collectors.joining(", ")));
        List<HomeSection.Shown> shown = new ArrayList<>(sections.size());
        for (HomeSection section : sections) {
            section.shownTo(caller).ifPresent(shown::add);
        }
        model.addAttribute("sections", shown);
        return "home";
    }
}
