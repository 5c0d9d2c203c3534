package org.gatehouse.identity.web;

import java.util.function.Function;
import org.gatehouse.identity.TokenId;
import org.gatehouse.identity.UserId;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.OrganizationId;

/** Ids from paths and query parameters, parsed so that a malformed one is a 400 naming the parameter. */
final class Ids {

    private Ids() {}

    static OrganizationId organization(String parameter, String text) {
        return parse(parameter, text, OrganizationId::parse);
    }

    static UserId user(String parameter, String text) {
        return parse(parameter, text, UserId::parse);
    }

    static TokenId token(String parameter, String text) {
        return parse(parameter, text, TokenId::parse);
    }

    private static <T> T parse(String parameter, String text, Function<String, T> parser) {
        InputCheck check = new InputCheck();
        T id = check.field(parameter, () -> parser.apply(text));
        check.throwIfInvalid();
        return id;
    }
}
