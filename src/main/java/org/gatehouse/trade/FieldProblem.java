package org.gatehouse.trade;

import java.util.Objects;

/**
 * One reason why a request was refused, tied to the input field that caused it (a JSON path such as
 * {@code roles[1]}, a query parameter, or a command option).
 */
public record FieldProblem(String field, String message) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
