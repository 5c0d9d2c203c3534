package org.gatehouse.screening.server;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.PartyScreening;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.screening.CompanyRegister;
import org.gatehouse.screening.Hit;
import org.gatehouse.screening.RegisterMatch;
import org.gatehouse.screening.RegisteredCompany;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.springframework.stereotype.Component;

/**
 * Screening's part of a submission ({@link PartyScreening}), in its transaction: every party is screened and its hits
 * recorded; the ultimate parent and the end user are resolved against the register — a registered name or alias
 * (same canonical key) links to the registered company, whose key the measure then counts under; a name that only
 * resembles a registered company (same matcher, at the threshold) is recorded as a possible same company, raised as a
 * flag on the case when it opens, and counts as written until an officer confirms it.
 */
@Component
class SubmissionScreening implements PartyScreening {

    static final String ULTIMATE_PARENT = "ULTIMATE_PARENT";
    static final String END_USER = "END_USER";

    private final PartyChecks checks;
    private final Screeners screeners;
    private final CompanyRegister register;
    private final ScreeningProperties properties;
    private final Clock clock;

    SubmissionScreening(
            PartyChecks checks,
            Screeners screeners,
            CompanyRegister register,
            ScreeningProperties properties,
            Clock clock) {
        this.checks = checks;
        this.screeners = screeners;
        this.register = register;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Result screen(ApplicationId id, ApplicationContent content, String actor) {
        Instant now = clock.instant();
        PartyChecks.Checked checked = checks.check(
                ScreeningHit.Subject.APPLICATION,
                id.value(),
                PartyChecks.of(content),
                ScreeningHit.FoundBy.SUBMISSION,
                now);
        CompanyName parent = content.company();
        CompanyName endUser = content.endUserCompany();
        Map<String, UUID> linked = register.companiesOfKeys(List.of(parent.key(), endUser.key()));
        List<Long> matches = new ArrayList<>();
        CompanyName measuredParent = resolve(id, parent, linked, roles(parent, endUser, ULTIMATE_PARENT), now, matches);
        CompanyName measuredEndUser = parent.key().equals(endUser.key())
                ? (linked.containsKey(endUser.key()) ? measuredParent : endUser)
                : resolve(id, endUser, linked, List.of(END_USER), now, matches);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("lists", checked.lists().described());
        payload.put("threshold", properties.threshold());
        payload.put("hit", checked.hit());
        payload.put("hits", checked.newHits().stream().map(ScreeningHit::id).toList());
        payload.put("parent", measuredParent.key());
        payload.put("endUser", measuredEndUser.key());
        payload.put("possibleSameCompany", matches);
        AuditEntry entry = new AuditEntry(actor, "screening.screened", "application", id.toString(), payload);
        return new Result(checked.hit(), measuredParent, measuredEndUser, List.of(entry));
    }

    @Override
    public Result measuredAs(ApplicationContent content) {
        CompanyName parent = content.company();
        CompanyName endUser = content.endUserCompany();
        Map<String, UUID> linked = register.companiesOfKeys(List.of(parent.key(), endUser.key()));
        return new Result(false, registered(parent, linked), registered(endUser, linked), List.of());
    }

    private CompanyName registered(CompanyName name, Map<String, UUID> linked) {
        UUID company = linked.get(name.key());
        return company == null
                ? name
                : register.find(company).map(RegisteredCompany::name).orElse(name);
    }

    private static List<String> roles(CompanyName parent, CompanyName endUser, String role) {
        return parent.key().equals(endUser.key()) ? List.of(ULTIMATE_PARENT, END_USER) : List.of(role);
    }

    /** The registered company a name links to; else the name, with a possible match recorded when one resembles it. */
    private CompanyName resolve(
            ApplicationId id,
            CompanyName name,
            Map<String, UUID> linked,
            List<String> roles,
            Instant now,
            List<Long> matches) {
        if (linked.containsKey(name.key())) {
            return registered(name, linked);
        }
        for (Hit hit : screeners.register().screen(name.display(), null, properties.threshold())) {
            UUID candidate = UUID.fromString(hit.entryId());
            if (register.separated(name.key(), candidate)) {
                continue;
            }
            register.insertMatch(new RegisterMatch(
                            0,
                            id,
                            name.display(),
                            name.key(),
                            roles,
                            candidate,
                            hit.entry().name(),
                            hit.score(),
                            hit.explanation(),
                            RegisterMatch.State.PENDING,
                            now,
                            null,
                            null,
                            null))
                    .ifPresent(matches::add);
            break; // the best resembling company not separated from this name
        }
        return name;
    }
}
