package org.gatehouse.revenueshare.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.gatehouse.revenueshare.Quarter;
import org.gatehouse.revenueshare.Remittance;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.Text;
import org.gatehouse.trade.Usd;

/**
 * Turns the revenue-share API's request bodies into checked values, naming every refused field. One method per request
 * shape, shared by every caller of that shape.
 */
final class RevenueShareBinder {

    private RevenueShareBinder() {}

    /** A report or correction: the quarter, the revenue, and the version read (null for a first report). */
    record Reported(Quarter quarter, Usd revenue, Long version) {}

    /** A remittance: the quarter, the amount, the day paid and the reference. */
    record Remitted(Quarter quarter, Usd amount, LocalDate paidOn, String reference) {}

    static Reported report(RevenueShareForms.Report form) {
        InputCheck check = check(form);
        Quarter quarter = check.field("quarter", () -> Quarter.parse(form.quarter()));
        Usd revenue = check.field("revenueUsd", () -> Usd.input(form.revenueUsd()));
        Long version = check.field("version", () -> {
            if (form.version() != null && form.version() < 1) {
                throw new IllegalArgumentException("must be the version you read (1 or more), got " + form.version());
            }
            return form.version();
        });
        check.throwIfInvalid();
        return new Reported(quarter, revenue, version);
    }

    static Remitted remittance(RevenueShareForms.Remittance form) {
        InputCheck check = check(form);
        Quarter quarter = check.field("quarter", () -> Quarter.parse(form.quarter()));
        Usd amount = check.field("amountUsd", () -> Usd.positiveInput(form.amountUsd()));
        LocalDate paidOn = check.field("paidOn", () -> date(form.paidOn()));
        String reference =
                check.field("reference", () -> Text.required(form.reference(), Remittance.REFERENCE_CHARS_MAX));
        check.throwIfInvalid();
        return new Remitted(quarter, amount, paidOn, reference);
    }

    /** A quarter in a path or query ({@code 2026-Q3}). */
    static Quarter quarter(String field, String text) {
        try {
            return Quarter.parse(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, e.getMessage());
        }
    }

    private static LocalDate date(String text) {
        if (text == null) {
            throw new IllegalArgumentException("is required (yyyy-mm-dd)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date yyyy-mm-dd, got '"
                    + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
        }
    }

    private static InputCheck check(Object form) {
        if (form == null) {
            throw InvalidInputException.of("body", "is required");
        }
        return new InputCheck();
    }
}
