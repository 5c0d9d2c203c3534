package org.gatehouse.identity.security;

import java.util.Optional;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Gives the form login the account behind a username: its password hash, whether it is enabled, its roles. */
@Component
class LoginAccounts implements UserDetailsService {

    private final UserService users;

    LoginAccounts(UserService users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Optional<Username> name = parse(username);
        return name.flatMap(users::loginAccount)
                .map(account -> org.springframework.security.core.userdetails.User.withUsername(
                                account.user().username().value())
                        .password(account.passwordHash())
                        .disabled(!account.user().enabled())
                        .authorities(AuthorityUtils.createAuthorityList(account.user().roles().stream()
                                .map(Role::authority)
                                .toList()))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    private static Optional<Username> parse(String username) {
        try {
            return Optional.of(Username.of(username));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
