package org.gatehouse.licensing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InvalidInputException;

/**
 * Answers a refused report at the edge of the module: a record that takes no report now is a conflict (409); a report
 * that does not fit the record is invalid input (400) naming every field, quantities included; a report that only
 * asks for more than remains is a conflict (409) naming each line.
 */
final class Refusals {

    private Refusals() {}

    static RuntimeException of(List<Refusal> refusals) {
        for (Refusal refusal : refusals) {
            if (refusal.kind() == Refusal.Kind.STATE) {
                return new ConflictException(refusal.sentence());
            }
        }
        boolean input = refusals.stream().anyMatch(r -> r.kind() == Refusal.Kind.INPUT);
        if (input) {
            List<FieldProblem> problems = new ArrayList<>(refusals.size());
            for (Refusal refusal : refusals) {
                problems.add(new FieldProblem(refusal.field(), refusal.reason()));
            }
            return new InvalidInputException(problems);
        }
        return new ConflictException(refusals.stream().map(Refusal::sentence).collect(Collectors.joining("; ")));
    }
}
