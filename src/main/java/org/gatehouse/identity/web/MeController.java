package org.gatehouse.identity.web;

import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.web.Views.MeView;
import org.gatehouse.identity.web.Views.OrganizationView;
import org.gatehouse.identity.web.Views.UserView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the token belongs to, for any authenticated caller. */
@RestController
class MeController {

    private final UserService users;
    private final OrganizationService organizations;

    MeController(UserService users, OrganizationService organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    @GetMapping("/api/v1/me")
    MeView me(CurrentUser caller) {
        return new MeView(
                UserView.of(users.get(caller, caller.userId())),
                OrganizationView.of(organizations.get(caller, caller.organizationId())));
    }
}
