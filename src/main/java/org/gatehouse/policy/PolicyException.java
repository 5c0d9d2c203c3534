package org.gatehouse.policy;

import java.util.List;

/**
 * A policy file that cannot be used, with every problem found as {@code FILE:LINE: reason}; a broken policy is refused
 * whole at load time, never applied in part.
 */
public final class PolicyException extends RuntimeException {

    /** One problem in a policy file; line 0 when the problem concerns the file as a whole. */
    public record Problem(String file, int line, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + reason;
        }
    }

    private final List<Problem> problems;

    public PolicyException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid policy" : problems.getFirst().toString());
        this.problems = List.copyOf(problems);
    }

    public PolicyException(String file, int line, String reason) {
        this(List.of(new Problem(file, line, reason)));
    }

    /** All problems, in the order of the file. */
    public List<Problem> problems() {
        return problems;
    }
}
