package org.gatehouse.trade;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the problems of one request while its fields are turned into self-validating values,
 * so a client learns about every bad field at once rather than one per round trip.
 *
 * <pre>{@code
 * InputCheck check = new InputCheck();
 * Username username = check.field("username", () -> Username.of(body.username()));
 * check.throwIfInvalid();
 * }</pre>
 */
public final class InputCheck {

    private final List<FieldProblem> problems = new ArrayList<>();

    /**
     * The value built by {@code parse}, or null when it refused the input with an
     * {@link IllegalArgumentException} (its message is recorded under {@code field}). Parsers report
     * missing input that way too; a {@code NullPointerException} is a bug and is not caught.
     */
    public <T> T field(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
        }
        return null;
    }

    /** Records a problem found by the caller. */
    public void reject(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** @throws InvalidInputException naming every problem recorded so far */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
