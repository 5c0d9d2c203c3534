package org.gatehouse.oversight.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.audit.AuditEvent;
import org.gatehouse.audit.AuditQueries;
import org.gatehouse.audit.AuditVerifier;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.oversight.AuditTrail;
import org.gatehouse.system.Dates;
import org.gatehouse.system.FieldErrors;
import org.gatehouse.system.WebPage;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /audit}: the audit log for auditors, newest first, filtered by record (type and id), person, action and days,
 * {@link #PAGE_ROWS} events a page (older pages continue below the last event shown); and {@code /audit/verify}, which
 * recomputes the chain and shows the result. Who may is {@link AuditTrail}'s.
 */
@Controller
@WebPage
class AuditPages {

    /** Events per page. */
    static final int PAGE_ROWS = 50;

    /** Longest filter text kept. */
    private static final int FILTER_CHARS_MAX = 200;

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    /** An event as a row of the table. */
    public record Row(
            long seq,
            String time,
            String actor,
            String action,
            String entityType,
            String entityId,
            String payload,
            String hash) {}

    @GetMapping("/audit")
    String events(
            CurrentUser caller,
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) Long before,
            Model model) {
        InputCheck check = new InputCheck();
        Instant fromDay = check.field("from", () -> day(from));
        Instant untilDay = check.field("until", () -> {
            Instant day = day(until);
            return day == null ? null : day.plusSeconds(86_400); // the whole day given, inclusive
        });
        AuditQueries.Query query = new AuditQueries.Query(
                text(check, "entityType", entityType),
                text(check, "entityId", entityId),
                text(check, "actor", actor),
                text(check, "action", action),
                fromDay,
                untilDay,
                before == null || before < 1 ? null : before);
        model.addAttribute("entityType", nullToEmpty(entityType));
        model.addAttribute("entityId", nullToEmpty(entityId));
        model.addAttribute("actor", nullToEmpty(actor));
        model.addAttribute("action", nullToEmpty(action));
        model.addAttribute("from", nullToEmpty(from));
        model.addAttribute("until", nullToEmpty(until));
        model.addAttribute("before", query.beforeSeq());
        try {
            check.throwIfInvalid();
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", FieldErrors.of(refused));
            model.addAttribute("rows", List.of());
            model.addAttribute("older", null);
            return "audit/log";
        }
        List<AuditEvent> events = trail.events(caller, query, PAGE_ROWS + 1);
        List<Row> rows = new ArrayList<>();
        for (AuditEvent e : events.subList(0, Math.min(events.size(), PAGE_ROWS))) {
            rows.add(new Row(
                    e.seq(),
                    Dates.second(e.time()),
                    e.actor(),
                    e.action(),
                    e.entityType(),
                    e.entityId(),
                    e.payload().toString(),
                    e.hash().substring(0, 16)));
        }
        model.addAttribute("errors", FieldErrors.none());
        model.addAttribute("rows", rows);
        model.addAttribute("older", events.size() > PAGE_ROWS ? rows.getLast().seq() : null);
        return "audit/log";
    }

    @PostMapping("/audit/verify")
    String verify(CurrentUser caller, Model model) {
        long started = System.nanoTime();
        AuditVerifier.Result result = trail.verify(caller);
        model.addAttribute("result", result);
        model.addAttribute("millis", (System.nanoTime() - started) / 1_000_000);
        model.addAttribute("checkedAt", Dates.second(Instant.now()));
        return "audit/verified";
    }

    private static Instant day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date written yyyy-mm-dd, got '" + shortened(text) + "'");
        }
    }

    private static String text(InputCheck check, String field, String value) {
        return check.field(field, () -> {
            if (value == null || value.isBlank()) {
                return null;
            }
            String text = value.strip();
            if (text.length() > FILTER_CHARS_MAX) {
                throw new IllegalArgumentException("must be at most " + FILTER_CHARS_MAX + " characters");
            }
            return text;
        });
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
