package org.gatehouse.identity.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.DisplayName;
import org.gatehouse.identity.NewUser;
import org.gatehouse.identity.Password;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.Roles;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.identity.web.Views.PageView;
import org.gatehouse.identity.web.Views.UserView;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/users}: create accounts, list and read them, change their roles, disable them. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping
    ResponseEntity<UserView> create(CurrentUser caller, @RequestBody Requests.CreateUser body) {
        InputCheck check = new InputCheck();
        Username username = check.field("username", () -> Username.of(body.username()));
        DisplayName displayName = check.field("displayName", () -> new DisplayName(body.displayName()));
        OrganizationId organization = check.field("organizationId", () -> OrganizationId.parse(body.organizationId()));
        Set<Role> roles = check.field("roles", () -> roles(body.roles()));
        Password password = check.field("password", () -> new Password(body.password()));
        check.throwIfInvalid();
        User created = users.create(caller, new NewUser(username, displayName, organization, roles, password));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(UserView.of(created));
    }

    @GetMapping
    PageView<UserView> list(
            CurrentUser caller,
            @RequestParam(required = false) String organizationId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        OrganizationId organization =
                organizationId == null ? null : Ids.organization("organizationId", organizationId);
        return PageView.of(
                users.list(caller, organization, paging).stream()
                        .map(UserView::of)
                        .toList(),
                paging);
    }

    @GetMapping("/{id}")
    UserView get(CurrentUser caller, @PathVariable String id) {
        return UserView.of(users.get(caller, Ids.user("id", id)));
    }

    @PostMapping("/{id}/disable")
    UserView disable(CurrentUser caller, @PathVariable String id) {
        return UserView.of(users.disable(caller, Ids.user("id", id)));
    }

    @PostMapping("/{id}/enable")
    UserView enable(CurrentUser caller, @PathVariable String id) {
        return UserView.of(users.enable(caller, Ids.user("id", id)));
    }

    @PutMapping("/{id}/roles")
    UserView changeRoles(CurrentUser caller, @PathVariable String id, @RequestBody Requests.ChangeRoles body) {
        InputCheck check = new InputCheck();
        Set<Role> roles = check.field("roles", () -> roles(body.roles()));
        check.throwIfInvalid();
        return UserView.of(users.changeRoles(caller, Ids.user("id", id), roles, body.version()));
    }

    private static Set<Role> roles(List<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("at least one role is required");
        }
        if (roles.size() > Roles.COUNT_MAX || roles.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("must list distinct roles, at most " + Roles.COUNT_MAX);
        }
        return Roles.checkAlone(EnumSet.copyOf(roles));
    }
}
