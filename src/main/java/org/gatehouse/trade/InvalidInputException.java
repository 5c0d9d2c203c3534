package org.gatehouse.trade;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that breaks a rule, with every offending field named; answered as 400 problem details. A record that checks
 * its own fields throws it with the fields named relative to itself.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
