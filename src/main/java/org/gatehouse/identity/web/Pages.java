package org.gatehouse.identity.web;

import java.util.stream.Collectors;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Organization;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the home page of the web UI. */
@Controller
class Pages {

    private final UserService users;
    private final OrganizationService organizations;

    Pages(UserService users, OrganizationService organizations) {
        this.users = users;
        this.organizations = organizations;
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
        return "home";
    }
}
