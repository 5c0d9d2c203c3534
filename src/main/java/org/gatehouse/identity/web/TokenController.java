package org.gatehouse.identity.web;

import java.net.URI;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.IssuedToken;
import org.gatehouse.identity.TokenName;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.web.Views.IssuedTokenView;
import org.gatehouse.identity.web.Views.PageView;
import org.gatehouse.identity.web.Views.TokenView;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Paging;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API tokens: issued for a user ({@code /api/v1/users/{id}/tokens}), read and revoked by id ({@code /api/v1/tokens/{id}}). */
@RestController
class TokenController {

    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    /** The response carries the secret, once; it must not be cached anywhere on the way. */
    @PostMapping("/api/v1/users/{userId}/tokens")
    ResponseEntity<IssuedTokenView> create(
            CurrentUser caller, @PathVariable String userId, @RequestBody Requests.CreateToken body) {
        InputCheck check = new InputCheck();
        TokenName name = check.field("name", () -> new TokenName(body.name()));
        check.throwIfInvalid();
        IssuedToken issued = tokens.create(caller, Ids.user("userId", userId), name, body.expiresAt());
        return ResponseEntity.created(
                        URI.create("/api/v1/tokens/" + issued.token().id()))
                .cacheControl(CacheControl.noStore())
                .body(new IssuedTokenView(
                        TokenView.of(issued.token()), issued.secret().value()));
    }

    @GetMapping("/api/v1/users/{userId}/tokens")
    PageView<TokenView> list(
            CurrentUser caller,
            @PathVariable String userId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        return PageView.of(
                tokens.list(caller, Ids.user("userId", userId), paging).stream()
                        .map(TokenView::of)
                        .toList(),
                paging);
    }

    @GetMapping("/api/v1/tokens/{id}")
    TokenView get(CurrentUser caller, @PathVariable String id) {
        return TokenView.of(tokens.get(caller, Ids.token("id", id)));
    }

    @PostMapping("/api/v1/tokens/{id}/revoke")
    TokenView revoke(CurrentUser caller, @PathVariable String id) {
        return TokenView.of(tokens.revoke(caller, Ids.token("id", id)));
    }
}
