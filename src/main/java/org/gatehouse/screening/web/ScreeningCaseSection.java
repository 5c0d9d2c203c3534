package org.gatehouse.screening.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.cases.Case;
import org.gatehouse.cases.CaseSection;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.screening.RegisterMatch;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.screening.server.RegisterService;
import org.gatehouse.screening.server.ScreeningService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The case page's screening part (officers and auditors): the hits found on the application's parties, each with its
 * disposition or — for an officer — the TRUE_MATCH / FALSE_POSITIVE form, and the parties that may be a registered
 * company under a second spelling, each with its confirm / separate form. Two queries, whatever the number of hits.
 */
@Component
@Order(10)
class ScreeningCaseSection implements CaseSection {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ScreeningService screening;
    private final RegisterService register;

    ScreeningCaseSection(ScreeningService screening, RegisterService register) {
        this.screening = screening;
        this.register = register;
    }

    /** A hit as the page shows it; {@code form} is the id of its disposition form. */
    record HitRow(
            long id,
            String party,
            String country,
            String kind,
            String list,
            String matchedName,
            String score,
            String explanation,
            String path,
            String found,
            String disposition,
            String reason,
            String decided,
            String form) {

        static HitRow of(ScreeningHit h) {
            return new HitRow(
                    h.id(),
                    words(h.partyRole()) + ": " + h.partyName(),
                    h.partyCountry() == null ? null : h.partyCountry().value(),
                    h.kind() == ScreeningHit.Kind.OWNERSHIP ? "owned 50 % or more by a listed party" : "name",
                    h.listSource() + " entry " + h.entryId(),
                    h.matchedName(),
                    String.format(Locale.ROOT, "%.3f", h.score()),
                    h.explanation(),
                    h.path(),
                    when(h.foundAt()) + " (" + words(h.foundBy().name()) + ")",
                    h.disposition() == null ? null : words(h.disposition().name()),
                    h.reason(),
                    h.dispositionedAt() == null ? null : when(h.dispositionedAt()) + " by " + h.dispositionedBy(),
                    "hit-" + h.id());
        }
    }

    /** A possible second spelling of a registered company; {@code form} is the id of its confirm / separate form. */
    record MatchRow(
            long id,
            String name,
            String roles,
            String companyName,
            String score,
            String explanation,
            String state,
            boolean pending,
            String reason,
            String decided,
            String form) {

        static MatchRow of(RegisterMatch m) {
            return new MatchRow(
                    m.id(),
                    m.name(),
                    String.join(
                            " and ",
                            m.roles().stream().map(ScreeningCaseSection::words).toList()),
                    m.companyName(),
                    String.format(Locale.ROOT, "%.3f", m.score()),
                    m.explanation(),
                    words(m.state().name()),
                    m.state() == RegisterMatch.State.PENDING,
                    m.reason(),
                    m.decidedAt() == null ? null : when(m.decidedAt()) + " by " + m.decidedBy(),
                    "match-" + m.id());
        }
    }

    @Override
    public Optional<Shown> shownOn(CurrentUser caller, Case review) {
        Set<Role> roles = caller.roles();
        if (!roles.contains(Role.OFFICER) && !roles.contains(Role.AUDITOR)) {
            return Optional.empty(); // the applicant and the agencies do not see the screening
        }
        List<HitRow> hits = screening.hitsOf(caller, review.applicationId()).stream()
                .map(HitRow::of)
                .toList();
        List<MatchRow> matches = register.matchesOf(caller, review.applicationId()).stream()
                .map(MatchRow::of)
                .toList();
        return Optional.of(new Shown(
                "screening/case",
                Map.of(
                        "caseId",
                        review.applicationId().toString(),
                        "hits",
                        hits,
                        "matches",
                        matches,
                        "mayAct",
                        roles.contains(Role.OFFICER))));
    }

    static String words(String code) {
        String text = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String when(Instant instant) {
        return WHEN.format(instant);
    }
}
