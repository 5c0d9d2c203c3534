package org.gatehouse.policy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.gatehouse.trade.CountryCode;

/**
 * A set of destination countries written as an expression over country groups and codes, e.g.
 * {@code "D:1 ∪ D:4 minus A:5 ∪ A:6"}. Operators: {@code ∪ | union}, {@code ∩ & intersect}, {@code minus − \};
 * {@code *} is every country; parentheses group. {@code minus} binds loosest, so the example reads
 * (D:1 ∪ D:4) minus (A:5 ∪ A:6), which is how regulations are worded; union and intersection bind left to right.
 */
public final class DestinationSet {

    /** Longest expression accepted. */
    public static final int EXPRESSION_CHARS_MAX = 500;

    private final String expression;
    private final BitSet members;

    private DestinationSet(String expression, BitSet members) {
        this.expression = expression;
        this.members = members;
    }

    /**
     * Parses an expression against the given groups.
     *
     * @throws IllegalArgumentException naming the token that is wrong
     */
    public static DestinationSet parse(String expression, CountryGroups groups) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("destination expression is empty");
        }
        if (expression.length() > EXPRESSION_CHARS_MAX) {
            throw new IllegalArgumentException(
                    "destination expression longer than " + EXPRESSION_CHARS_MAX + " characters");
        }
        Parser parser = new Parser(tokens(expression), groups);
        BitSet set = parser.difference();
        if (parser.position < parser.tokens.size()) {
            throw new IllegalArgumentException(
                    "unexpected \"" + parser.tokens.get(parser.position) + "\" in \"" + expression + "\"");
        }
        return new DestinationSet(expression.strip(), set);
    }

    /** Whether the set holds this country. */
    public boolean contains(CountryCode country) {
        return members.get(country.index());
    }

    /** The expression this set was written as. */
    public String expression() {
        return expression;
    }

    /** The countries, sorted by code. */
    public List<CountryCode> countries() {
        List<CountryCode> list = new ArrayList<>();
        for (CountryCode c : CountryCode.all()) {
            if (members.get(c.index())) {
                list.add(c);
            }
        }
        return list;
    }

    /** The members as a lookup table indexed by {@link CountryCode#index()}. */
    boolean[] table() {
        boolean[] table = new boolean[CountryCode.INDEX_SIZE];
        for (int i = members.nextSetBit(0); i >= 0; i = members.nextSetBit(i + 1)) {
            table[i] = true;
        }
        return table;
    }

    private static List<String> tokens(String expression) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == ',') {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
                if (c == '(' || c == ')') {
                    tokens.add(String.valueOf(c));
                } else if (c == ',') {
                    tokens.add("∪");
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static final class Parser {
        final List<String> tokens;
        final CountryGroups groups;
        int position;

        Parser(List<String> tokens, CountryGroups groups) {
            this.tokens = tokens;
            this.groups = groups;
        }

        BitSet difference() {
            BitSet left = union();
            while (peekIs("minus", "−", "-", "\\", "except")) {
                position++;
                left.andNot(union());
            }
            return left;
        }

        BitSet union() {
            BitSet left = term();
            while (true) {
                if (peekIs("∪", "|", "union", "+")) {
                    position++;
                    left.or(term());
                } else if (peekIs("∩", "&", "intersect")) {
                    position++;
                    left.and(term());
                } else {
                    return left;
                }
            }
        }

        BitSet term() {
            if (position >= tokens.size()) {
                throw new IllegalArgumentException("expression ends where a group or country was expected");
            }
            String token = tokens.get(position++);
            if (token.equals("(")) {
                BitSet inner = difference();
                if (position >= tokens.size() || !tokens.get(position).equals(")")) {
                    throw new IllegalArgumentException("missing \")\"");
                }
                position++;
                return inner;
            }
            if (token.equals("*")) {
                BitSet all = new BitSet(CountryCode.INDEX_SIZE);
                for (CountryCode c : CountryCode.all()) {
                    all.set(c.index());
                }
                return all;
            }
            if (groups.has(token)) {
                return groups.members(token);
            }
            if (CountryCode.isValid(token)) {
                BitSet one = new BitSet(CountryCode.INDEX_SIZE);
                one.set(CountryCode.of(token).index());
                return one;
            }
            throw new IllegalArgumentException("\"" + token + "\" is neither a country group ("
                    + String.join(", ", groups.names())
                    + ") nor an ISO country code"
                    + (CountryCode.isValid(token.toUpperCase(Locale.ROOT)) ? " (country codes are upper case)" : ""));
        }

        boolean peekIs(String... operators) {
            if (position >= tokens.size()) {
                return false;
            }
            String token = tokens.get(position);
            for (String op : operators) {
                if (op.equalsIgnoreCase(token)) {
                    return true;
                }
            }
            return false;
        }
    }
}
