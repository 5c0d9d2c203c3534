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
     *
     * <p>A record that checks its own fields refuses with an {@link InvalidInputException} naming them relative to
     * itself ({@code quantity}); they are recorded under {@code field} ({@code lines[3].quantity}).
     */
    public <T> T field(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            nested(field, e);
        } catch (IllegalArgumentException e) {
            reject(field, e.getMessage());
        }
        return null;
    }

    /** Whether {@code rule} accepts the input; when it refuses (an {@link IllegalArgumentException}), why is recorded under {@code field}. */
    public boolean holds(String field, Runnable rule) {
        try {
            rule.run();
            return true;
        } catch (InvalidInputException e) {
            nested(field, e);
        } catch (IllegalArgumentException e) {
            reject(field, e.getMessage());
        }
        return false;
    }

    private void nested(String path, InvalidInputException e) {
        for (FieldProblem problem : e.problems()) {
            String field = problem.field();
            reject(path.isEmpty() ? field : field.isEmpty() ? path : path + "." + field, problem.message());
        }
    }

    /**
     * Records a problem found by the caller. Only the first problem of a field is kept: a value already refused
     * (say, a fraction where a whole number belongs, or a party whose name was refused) is not refused again by the
     * record it was meant for (as missing).
     */
    public void reject(String field, String message) {
        for (FieldProblem problem : problems) {
            String known = problem.field();
            if (known.equals(field) || known.startsWith(field + ".") || known.startsWith(field + "[")) {
                return;
            }
        }
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
