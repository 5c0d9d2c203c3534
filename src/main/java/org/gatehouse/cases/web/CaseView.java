package org.gatehouse.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.cases.Case;
import org.gatehouse.cases.CaseClock;
import org.gatehouse.cases.CaseEvent;
import org.gatehouse.cases.CaseRequirements;
import org.gatehouse.cases.CaseService;
import org.gatehouse.cases.CaseSubject;
import org.gatehouse.cases.Evidence;
import org.gatehouse.policy.PolicyRef;
import org.gatehouse.trade.Gb300e;

/**
 * A case as the API shows it: what it decides on, where it stands, its clocks, and — for the licensing authority —
 * its referrals, evidence and whole history. An applicant sees its own case without the authority's deliberation
 * (who has it, what agencies recommended).
 */
record CaseView(
        String id,
        String state,
        long version,
        String assignee,
        Instant registeredAt,
        Subject subject,
        List<Clock> clocks,
        boolean overdue,
        List<Referral> referrals,
        Hold hold,
        List<EvidenceItem> evidence,
        List<FlagView> flags,
        List<String> conditions,
        List<Document> documents,
        DecisionView decision,
        List<Step> history) {

    record Subject(
            PolicyRef policy,
            String outcome,
            String tier,
            String reviewPath,
            List<String> requirements,
            String gb300e,
            long controlledTpp,
            String endUser,
            String company,
            String companyKey,
            String destination) {}

    record Clock(
            String kind,
            String agency,
            int limitDays,
            long elapsedDays,
            long remainingDays,
            Instant dueAt,
            Instant stoppedAt,
            boolean overdue,
            boolean late) {}

    record Referral(
            String agency,
            Instant referredAt,
            String recommendation,
            String reasons,
            Instant recommendedAt,
            String by) {}

    record Hold(String question, LocalDate dueOn, Instant since) {}

    record EvidenceItem(String requirement, boolean present, String detail) {}

    record FlagView(String flag, String kind, String reason, Instant raisedAt, String by) {}

    record Document(
            String requirement, String name, String mediaType, String sha256, long sizeBytes, Instant filedAt) {}

    record DecisionView(
            String decision, String reasons, String conditions, String licenceNumber, Instant at, String by) {}

    record Step(String type, Instant at, String by, String summary) {}

    static CaseView of(CaseService.Reviewed reviewed, long referenceTpp, boolean withHistory) {
        Case c = reviewed.review();
        boolean authority = reviewed.authority();
        CaseSubject s = c.subject();
        List<Clock> clocks = reviewed.clocks().stream()
                .map(k -> new Clock(
                        k.kind().name(),
                        k.agency() == null ? null : k.agency().name(),
                        k.limitDays(),
                        k.elapsedDays(),
                        k.remainingDays(),
                        k.dueAt(),
                        k.stoppedAt(),
                        k.overdue(),
                        k.late()))
                .toList();
        List<Referral> referrals = c.referrals().values().stream()
                .map(r -> new Referral(
                        r.agency().name(),
                        r.referredAt(),
                        !authority || r.recommendation() == null
                                ? null
                                : r.recommendation().recommendation().name(),
                        !authority || r.recommendation() == null
                                ? null
                                : r.recommendation().reasons(),
                        r.recommendation() == null ? null : r.recommendation().at(),
                        !authority || r.recommendation() == null
                                ? null
                                : r.recommendation().by()))
                .toList();
        List<Document> documents = new ArrayList<>();
        c.documents()
                .forEach((requirement, filed) -> filed.forEach(f -> documents.add(new Document(
                        requirement.name(),
                        f.document().name(),
                        f.document().mediaType(),
                        f.document().sha256(),
                        f.document().sizeBytes(),
                        f.at()))));
        CaseEvent.Decided d = c.decision();
        return new CaseView(
                c.applicationId().toString(),
                c.state().name(),
                c.version(),
                authority ? c.assignee() : null,
                c.registeredAt(),
                new Subject(
                        s.policy(),
                        s.outcome().name(),
                        s.tier() == null ? null : s.tier().name(),
                        s.reviewPath() == null ? null : s.reviewPath().name(),
                        s.requirements().stream().map(Enum::name).toList(),
                        Gb300e.format(s.controlledTpp().value(), referenceTpp),
                        s.controlledTpp().value(),
                        s.endUser().display(),
                        s.company().display(),
                        s.company().key(),
                        s.destination().value()),
                clocks,
                reviewed.clocks().stream().anyMatch(CaseClock::overdue),
                referrals,
                c.hold() == null
                        ? null
                        : new Hold(
                                c.hold().question(), c.hold().dueOn(), c.hold().at()),
                reviewed.evidence().stream()
                        .map(e -> switch (e) {
                            case Evidence.Present p ->
                                new EvidenceItem(p.requirement().name(), true, p.by());
                            case Evidence.Missing m ->
                                new EvidenceItem(m.requirement().name(), false, m.why());
                        })
                        .toList(),
                c.flags().values().stream()
                        .map(f -> new FlagView(f.flag(), f.kind(), f.reason(), f.at(), authority ? f.by() : null))
                        .toList(),
                CaseRequirements.conditions(s.requirements()).stream()
                        .map(Enum::name)
                        .toList(),
                documents,
                d == null
                        ? null
                        : new DecisionView(
                                d.decision().name(), d.reasons(), d.conditions(), d.licenceNumber(), d.at(), d.by()),
                withHistory ? history(c, authority) : null);
    }

    /** The history in words; an applicant does not see the authority's internal steps. */
    private static List<Step> history(Case c, boolean authority) {
        List<Step> steps = new ArrayList<>();
        for (CaseEvent event : c.history()) {
            String summary = switch (event) {
                case CaseEvent.Opened o -> "registered; the clocks start";
                case CaseEvent.Assigned a ->
                    authority ? (a.officer() == null ? "unassigned" : "assigned to " + a.officer()) : null;
                case CaseEvent.Referred r ->
                    "referred to " + r.agencies() + (authority && r.note() != null ? ": " + r.note() : "");
                case CaseEvent.Recommended r ->
                    authority
                            ? r.agency() + " recommends " + r.recommendation() + ": " + r.reasons()
                            : r.agency() + " answered";
                case CaseEvent.Held h -> "held for the applicant's answer by " + h.dueOn() + ": " + h.question();
                case CaseEvent.Answered a -> "the applicant answered: " + a.answer();
                case CaseEvent.DocumentFiled f -> "document '" + f.document().name() + "' filed for " + f.requirement();
                case CaseEvent.Returned r -> "returned without action: " + r.reason();
                case CaseEvent.Decided d ->
                    d.decision() + ": " + d.reasons()
                            + (d.licenceNumber() == null ? "" : " (licence " + d.licenceNumber() + ")");
                case CaseEvent.Flagged f -> "flag " + f.kind() + " raised: " + f.reason();
                case CaseEvent.FlagCleared f -> authority ? "flag cleared: " + f.reason() : "a flag was cleared";
                case CaseEvent.Withdrawn w -> "the applicant withdrew the application";
            };
            if (summary != null) {
                steps.add(
                        new Step(event.getClass().getSimpleName(), event.at(), authority ? event.by() : null, summary));
            }
        }
        return steps;
    }
}
