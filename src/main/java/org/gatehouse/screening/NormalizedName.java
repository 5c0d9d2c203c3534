package org.gatehouse.screening;

import java.util.List;

/**
 * A name as the matcher compares it: lower-case ASCII tokens, which of them came from a script written without vowels
 * (Arabic, Hebrew), and what normalization did, in words, for the explanation of a hit.
 */
record NormalizedName(String[] tokens, boolean[] consonantal, List<String> notes) {

    int size() {
        return tokens.length;
    }

    boolean isEmpty() {
        return tokens.length == 0;
    }

    /** The tokens separated by spaces. */
    String text() {
        return String.join(" ", tokens);
    }
}
