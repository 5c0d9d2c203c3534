package org.gatehouse.system;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InvalidInputException;

/**
 * The {@link FieldProblem}s of a refused form, as a page shows them: each next to the field it names (by the same path
 * the API reports, {@code lines[0].quantity}), in plain words, and the rest in a summary at the top. Templates ask
 * {@code errors.has('endUser.name')}, {@code errors.message(…)} and {@code errors.id(…)} (the id of the message
 * element, which the field's {@code aria-describedby} points at).
 */
public final class FieldErrors {

    private static final FieldErrors NONE = new FieldErrors(List.of());

    private final Map<String, String> byField = new LinkedHashMap<>();

    private FieldErrors(List<FieldProblem> problems) {
        for (FieldProblem problem : problems) {
            byField.putIfAbsent(problem.field(), sentence(problem.message()));
        }
    }

    public static FieldErrors none() {
        return NONE;
    }

    public static FieldErrors of(InvalidInputException refused) {
        return new FieldErrors(refused.problems());
    }

    public static FieldErrors of(List<FieldProblem> problems) {
        return new FieldErrors(problems);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The message for {@code field} as a sentence ("Must be a whole number, got 1.5."), or null. */
    public String message(String field) {
        return byField.get(field);
    }

    /** The id of the element that holds {@code field}'s message: {@code lines[0].quantity} → {@code error-lines-0-quantity}. */
    public String id(String field) {
        return "error-"
                + (field.isEmpty()
                        ? "form"
                        : field.replace("[", "-").replace("]", "").replace('.', '-'));
    }

    /** The problems whose field the page does not show next to an input, with the field named in words. */
    public List<String> others(Collection<String> shown) {
        return byField.entrySet().stream()
                .filter(e -> !shown.contains(e.getKey()))
                .map(e -> e.getKey().isEmpty() ? e.getValue() : e.getKey() + ": " + e.getValue())
                .toList();
    }

    /** Every field with a problem, in the order they were found. */
    public Collection<String> fields() {
        return byField.keySet();
    }

    /** A message as a sentence: capitalized, with a full stop. */
    public static String sentence(String message) {
        String text = message.strip();
        if (text.isEmpty()) {
            return "Is not accepted.";
        }
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '?' || last == '!' || last == ')' ? text : text + ".";
    }
}
