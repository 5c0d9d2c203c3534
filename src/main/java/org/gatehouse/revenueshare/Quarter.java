package org.gatehouse.revenueshare;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter ({@code 2026-Q3}: July to September 2026), the period revenue is reported for. */
public record Quarter(int year, int number) implements Comparable<Quarter> {

    private static final Pattern TEXT = Pattern.compile("([0-9]{4})-Q([1-4])");

    public Quarter {
        if (year < 2000 || year > 2999) {
            throw new IllegalArgumentException("must be a year 2000..2999, got " + year);
        }
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("a quarter is numbered 1..4, got " + number);
        }
    }

    /** Parses {@code yyyy-Qn}. */
    public static Quarter parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("must be a calendar quarter such as 2026-Q3, got "
                    + (text == null
                            ? "nothing"
                            : "'" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'"));
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The quarter {@code day} falls in. */
    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    /** Whether {@code day} falls in it. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
