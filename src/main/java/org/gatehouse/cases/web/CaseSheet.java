package org.gatehouse.cases.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gatehouse.audit.AuditEvent;
import org.gatehouse.cases.Case;
import org.gatehouse.cases.CaseClock;
import org.gatehouse.cases.CaseService;
import org.gatehouse.identity.Agency;
import org.gatehouse.system.Dates;
import tools.jackson.databind.JsonNode;

/**
 * A case as the case pages show it: built from the API's {@link CaseView} (so a page never shows more than the API
 * would: an applicant does not see who has the case or what agencies recommended), with moments written in UTC to
 * the minute and each statutory clock in days and in words. {@link Row} is the shorter form of a queue's row.
 */
record CaseSheet(
        String id,
        String title,
        String state,
        String stateWords,
        long version,
        String assignee,
        String registered,
        CaseView.Subject subject,
        List<ClockCell> clocks,
        boolean overdue,
        List<Referral> referrals,
        Hold hold,
        List<RequirementRow> requirements,
        List<Flag> flags,
        Decision decision,
        List<Step> timeline) {

    /**
     * One statutory clock: its days and its status in words, and a tone for its colour ({@code overdue}, {@code late},
     * {@code soon}, {@code paused}, {@code running}, {@code done}). Overdue is said in the text as well as the colour.
     *
     * @param when when it runs out (while it runs) or when it stopped, in UTC; empty while paused
     */
    record ClockCell(
            String label,
            long elapsedDays,
            int limitDays,
            long remainingDays,
            String status,
            String tone,
            String when) {

        /** "3 of 9 days". */
        public String days() {
            return elapsedDays + " of " + limitDays + (limitDays == 1 ? " day" : " days");
        }
    }

    /** A referral and, for the authority, the agency's recommendation. */
    record Referral(
            String agency,
            String agencyName,
            String referred,
            boolean answered,
            String recommendation,
            String reasons,
            String recommended,
            String by) {}

    /** The question the applicant is asked, and by when. */
    record Hold(String question, String dueOn, String since) {}

    /**
     * A requirement of the assessment: whether it needs evidence before approval or binds the licence after it; for the
     * authority, whether evidence meets it ({@code met} null: not known to this reader, or a condition); the documents
     * filed for it.
     */
    record RequirementRow(
            String code, String words, boolean condition, Boolean met, String detail, List<Document> documents) {}

    /** A document filed on the case. */
    record Document(String name, String mediaType, String sha256, long sizeBytes, String filed) {}

    /**
     * A raised flag: it blocks approval until an officer clears it.
     *
     * @param form the name of its clear form on the page (see {@link #clearForm})
     */
    record Flag(String flag, String kind, String kindWords, String reason, String raised, String by, String form) {}

    /** How the case was decided. */
    record Decision(
            String decision,
            String words,
            String reasons,
            String conditions,
            String licenceNumber,
            String at,
            String by) {}

    /** A step of the timeline: when, who (for the authority) and what. */
    record Step(String when, String who, String what) {}

    /** A row of a queue: the case, where it stands, and its clocks. */
    record Row(
            String id,
            String company,
            String endUser,
            String destination,
            String tier,
            String state,
            String stateWords,
            String holdDue,
            String assignee,
            String registered,
            ClockCell firstAction,
            List<ClockCell> agencies,
            ClockCell resolution,
            boolean overdue,
            int flags) {

        /** The clock that needs attention first: an overdue one, else the running one that runs out first. */
        public ClockCell mostUrgent() {
            List<ClockCell> all = new ArrayList<>();
            all.add(firstAction);
            all.addAll(agencies);
            all.add(resolution);
            ClockCell urgent = null;
            for (ClockCell clock : all) {
                if (clock.tone().equals("overdue")) {
                    return clock;
                }
                boolean counts = clock.tone().equals("running") || clock.tone().equals("soon");
                if (counts && (urgent == null || clock.remainingDays() < urgent.remainingDays())) {
                    urgent = clock;
                }
            }
            return urgent != null ? urgent : resolution;
        }
    }

    /** A queue's row for {@code reviewed}, as its reader may see it. */
    static Row row(CaseService.Reviewed reviewed, boolean applicant) {
        Case c = reviewed.review();
        ClockCell first = null;
        ClockCell resolution = null;
        List<ClockCell> agencies = new ArrayList<>();
        for (CaseClock clock : reviewed.clocks()) {
            switch (clock.kind()) {
                case FIRST_ACTION -> first = clock(clock);
                case RESOLUTION -> resolution = clock(clock);
                case AGENCY -> agencies.add(clock(clock));
            }
        }
        return new Row(
                c.applicationId().toString(),
                c.subject().company().display(),
                c.subject().endUser().display(),
                c.subject().destination().value(),
                c.subject().tier() == null ? "" : c.subject().tier().name(),
                c.state().name(),
                stateWords(c, applicant),
                c.hold() == null ? "" : c.hold().dueOn().toString(),
                reviewed.authority() ? c.assignee() : null,
                Dates.minute(c.registeredAt()),
                first,
                agencies,
                resolution,
                reviewed.clocks().stream().anyMatch(CaseClock::overdue),
                c.flags().size());
    }

    /** The case page's view of {@code dossier}. */
    static CaseSheet of(CaseView view, Case c, boolean applicant, List<CaseClock> clocks) {
        List<ClockCell> cells = clocks.stream().map(CaseSheet::clock).toList();
        List<Referral> referrals = view.referrals().stream()
                .map(r -> new Referral(
                        r.agency(),
                        agencyName(Agency.valueOf(r.agency())),
                        Dates.minute(r.referredAt()),
                        r.recommendedAt() != null,
                        r.recommendation() == null ? null : words(r.recommendation()),
                        r.reasons(),
                        Dates.minute(r.recommendedAt()),
                        r.by()))
                .toList();
        List<RequirementRow> requirements = new ArrayList<>();
        for (String code : view.subject().requirements()) {
            CaseView.EvidenceItem evidence = view.evidence().stream()
                    .filter(e -> e.requirement().equals(code))
                    .findFirst()
                    .orElse(null);
            List<Document> documents = view.documents().stream()
                    .filter(d -> d.requirement().equals(code))
                    .map(d ->
                            new Document(d.name(), d.mediaType(), d.sha256(), d.sizeBytes(), Dates.minute(d.filedAt())))
                    .toList();
            requirements.add(new RequirementRow(
                    code,
                    words(code),
                    view.conditions().contains(code),
                    evidence == null ? null : evidence.present(),
                    evidence == null ? null : evidence.detail(),
                    documents));
        }
        List<Flag> flags = view.flags().stream()
                .map(f -> new Flag(
                        f.flag(),
                        f.kind(),
                        words(f.kind()),
                        f.reason(),
                        Dates.minute(f.raisedAt()),
                        f.by(),
                        clearForm(f.flag())))
                .toList();
        CaseView.DecisionView d = view.decision();
        List<Step> timeline = view.history() == null
                ? List.of()
                : view.history().stream()
                        .map(s -> new Step(Dates.minute(s.at()), s.by(), s.summary()))
                        .toList()
                        .reversed();
        return new CaseSheet(
                view.id(),
                view.subject().company() + " → " + view.subject().destination(),
                view.state(),
                stateWords(c, applicant),
                view.version(),
                view.assignee(),
                Dates.minute(view.registeredAt()),
                view.subject(),
                cells,
                view.overdue(),
                referrals,
                view.hold() == null
                        ? null
                        : new Hold(
                                view.hold().question(),
                                view.hold().dueOn().toString(),
                                Dates.minute(view.hold().since())),
                requirements,
                flags,
                d == null
                        ? null
                        : new Decision(
                                d.decision(),
                                words(d.decision()),
                                d.reasons(),
                                d.conditions(),
                                d.licenceNumber(),
                                Dates.minute(d.at()),
                                applicant ? null : d.by()),
                timeline);
    }

    /** An event of the audit log about the case or its application: its number in the chain, when, who, what. */
    record Audited(long seq, String when, String who, String action, String details) {}

    /** Longest details of an audit event shown on the case page (the audit log holds them whole). */
    static final int DETAILS_CHARS_MAX = 300;

    /** The audit log's events as the case page lists them, their payload as "name: value" pairs. */
    static List<Audited> audited(List<AuditEvent> events) {
        List<Audited> rows = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            StringBuilder details = new StringBuilder();
            for (Map.Entry<String, JsonNode> field : event.payload().properties()) {
                JsonNode value = field.getValue();
                if (value == null || value.isNull()) {
                    continue;
                }
                details.append(details.isEmpty() ? "" : "; ")
                        .append(field.getKey())
                        .append(": ")
                        .append(value.isString() ? value.asString() : value.toString());
            }
            String text = details.length() > DETAILS_CHARS_MAX
                    ? details.substring(0, DETAILS_CHARS_MAX) + "…"
                    : details.toString();
            rows.add(new Audited(event.seq(), Dates.minute(event.time()), event.actor(), event.action(), text));
        }
        return rows;
    }

    /** A clock in days and words. */
    static ClockCell clock(CaseClock clock) {
        String label = switch (clock.kind()) {
            case FIRST_ACTION -> "First action";
            case RESOLUTION -> "Resolution";
            case AGENCY -> agencyName(clock.agency()) + "'s answer";
        };
        long remaining = clock.remainingDays();
        String status;
        String tone;
        String when;
        if (clock.overdue()) {
            status = remaining < 0 ? "Overdue by " + days(-remaining) : "Overdue";
            tone = "overdue";
            when = clock.dueAt() == null ? "" : "ran out " + Dates.minute(clock.dueAt());
        } else if (clock.running() && clock.dueAt() == null) {
            status = "Paused while held, " + days(remaining) + " left";
            tone = "paused";
            when = "";
        } else if (clock.running()) {
            status = days(remaining) + " left";
            tone = remaining <= 2 ? "soon" : "running";
            when = "due " + Dates.minute(clock.dueAt());
        } else if (clock.late()) {
            status = "Stopped late, after " + days(clock.elapsedDays());
            tone = "late";
            when = Dates.minute(clock.stoppedAt());
        } else {
            status = "Stopped in time, after " + days(clock.elapsedDays());
            tone = "done";
            when = Dates.minute(clock.stoppedAt());
        }
        return new ClockCell(label, clock.elapsedDays(), clock.limitDays(), remaining, status, tone, when);
    }

    /** Where the case stands, in words; the applicant is told what is waiting for it. */
    static String stateWords(Case c, boolean applicant) {
        return switch (c.state()) {
            case IN_REVIEW -> "In review";
            case REFERRED -> applicant ? "In review (referred to agencies)" : "Referred to agencies";
            case HELD_WITHOUT_ACTION ->
                (applicant ? "Awaiting your answer" : "Held for the applicant's answer") + ", due "
                        + c.hold().dueOn();
            case RETURNED_WITHOUT_ACTION -> "Returned without action";
            case WITHDRAWN -> "Withdrawn";
            case DECIDED -> words(c.decision().decision().name());
        };
    }

    /** The agency as the pages name it: "State", "Defense", "Energy". */
    static String agencyName(Agency agency) {
        return switch (agency) {
            case STATE -> "State";
            case DEFENSE -> "Defense";
            case ENERGY -> "Energy";
        };
    }

    /** A code in words, as the assessment's fragment writes requirements: {@code APPROVE_WITH_CONDITIONS} → "Approve with conditions". */
    static String words(String code) {
        String text = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        text = text.replace(" us ", " US ").replace("g2g", "G2G").replace("kyc", "KYC");
        if (text.startsWith("us ")) {
            text = "US " + text.substring(3);
        }
        if (text.endsWith(" us")) {
            text = text.substring(0, text.length() - 3) + " US";
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * The name of the form that clears {@code flag}, usable in element ids: flags are named by the modules that raise
     * them, so anything but letters, digits, {@code -} and {@code _} becomes {@code -}.
     */
    static String clearForm(String flag) {
        return "clear-" + flag.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static String days(long days) {
        return days + (days == 1 ? " day" : " days");
    }
}
