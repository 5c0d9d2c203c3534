package org.gatehouse.identity.web;

import java.net.URI;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.NewOrganization;
import org.gatehouse.identity.Organization;
import org.gatehouse.identity.OrganizationName;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.web.Views.OrganizationView;
import org.gatehouse.identity.web.Views.PageView;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/organizations}: register, list and read organizations. */
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationController {

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @PostMapping
    ResponseEntity<OrganizationView> create(CurrentUser caller, @RequestBody Requests.CreateOrganization body) {
        InputCheck check = new InputCheck();
        OrganizationName name = check.field("name", () -> new OrganizationName(body.name()));
        if (body.kind() == null) {
            check.reject("kind", "is required");
        }
        NewOrganization request = check.valid()
                ? check.field("agency", () -> new NewOrganization(name, body.kind(), body.agency()))
                : null;
        check.throwIfInvalid();
        Organization created = organizations.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id()))
                .body(OrganizationView.of(created));
    }

    @GetMapping
    PageView<OrganizationView> list(
            CurrentUser caller,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        return PageView.of(
                organizations.list(caller, paging).stream()
                        .map(OrganizationView::of)
                        .toList(),
                paging);
    }

    @GetMapping("/{id}")
    OrganizationView get(CurrentUser caller, @PathVariable String id) {
        return OrganizationView.of(organizations.get(caller, Ids.organization("id", id)));
    }
}
