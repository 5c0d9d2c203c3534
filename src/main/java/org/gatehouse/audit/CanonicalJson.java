package org.gatehouse.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * JSON Canonicalization Scheme (RFC 8785): the byte-exact form whose hash does not depend on the
 * library, the key order or the number formatting that produced a JSON value.
 *
 * <p>Keys are sorted by UTF-16 code units, strings use the minimal escapes of ECMAScript's
 * {@code JSON.stringify}, and numbers are written as ECMAScript writes an IEEE-754 double.
 */
public final class CanonicalJson {

    /** Largest integer a double holds exactly; beyond it a number would silently change value. */
    static final long SAFE_INTEGER_MAX = (1L << 53) - 1;

    private CanonicalJson() {}

    /** The canonical text of {@code node}. Numbers that are not finite are refused. */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    /**
     * Whether every number in {@code node} survives canonicalization unchanged: integers within
     * ±(2^53 − 1) and finite doubles. Callers that need larger or exact decimal values send them as strings.
     */
    public static boolean hasOnlyExactNumbers(JsonNode node) {
        if (node.isObject() || node.isArray()) {
            for (JsonNode child : node.values()) {
                if (!hasOnlyExactNumbers(child)) {
                    return false;
                }
            }
            return true;
        }
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            return value.abs().compareTo(BigInteger.valueOf(SAFE_INTEGER_MAX)) <= 0;
        }
        if (node.isNumber()) {
            double value = node.doubleValue();
            return Double.isFinite(value) && new BigDecimal(Double.toString(value)).compareTo(node.decimalValue()) == 0;
        }
        return true;
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
                entries.sort(Map.Entry.comparingByKey()); // String.compareTo compares UTF-16 code units
                out.append('{');
                for (int i = 0; i < entries.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeString(entries.get(i).getKey(), out);
                    out.append(':');
                    write(entries.get(i).getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                int i = 0;
                for (JsonNode element : node.values()) {
                    if (i++ > 0) {
                        out.append(',');
                    }
                    write(element, out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.stringValue(), out);
            case NUMBER -> out.append(number(node.doubleValue()));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** ECMAScript's Number.prototype.toString for a finite double (ECMA-262, 7.1.12.1). */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON numbers must be finite, got " + value);
        }
        if (value == 0) {
            return "0"; // also -0
        }
        // Double.toString gives the shortest digits that round-trip (JDK 19+), as ECMAScript requires.
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        if (decimal.precision() == 2) {
            // Java may write two digits where one suffices (4.9E-324); ECMAScript takes the single
            // digit whenever it reads back as the same double.
            BigDecimal oneDigit = decimal.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(oneDigit.toString()) == Math.abs(value)) {
                decimal = oneDigit.stripTrailingZeros();
            }
        }
        String digits = decimal.unscaledValue().toString();
        int k = digits.length();
        int n = k - decimal.scale(); // value = 0.digits × 10^n
        StringBuilder out = new StringBuilder(32);
        if (value < 0) {
            out.append('-');
        }
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent >= 0 ? '+' : '-').append(Math.abs(exponent));
        }
        return out.toString();
    }
}
