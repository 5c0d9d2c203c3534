package org.gatehouse.screening.server;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gatehouse.applications.ApplicationService;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.cases.CaseService;
import org.gatehouse.licensing.Licence;
import org.gatehouse.licensing.LicenceService;
import org.gatehouse.screening.ListVersion;
import org.gatehouse.screening.ListVersionImported;
import org.gatehouse.screening.ListVersions;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.trade.ApplicationId;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Screens again, after a new list version is imported, every open case's parties, every licence in force's and every
 * company a {@link RescreenSource} holds (granted pre-approvals): a hit that is new for the subject is recorded — on an
 * open case also raised as a flag (an officer dispositions it; a false positive clears the flag); on a licence, listed
 * with the pending hits and audited with the licence's number; on a pre-approval, listed with its hits and audited. A reaction to {@link ListVersionImported}, kept in the event publication registry until it completes (a
 * crash re-runs it at the next start; what was recorded already is not recorded twice). It works in batches of
 * {@value #BATCH_SUBJECTS} subjects, one transaction each, so the audit chain's lock is held briefly; the counts are
 * recorded on the imported versions at the end.
 */
@Component
class Rescreening {

    /** Subjects screened again per transaction. */
    static final int BATCH_SUBJECTS = 100;

    private final CaseService cases;
    private final LicenceService licences;
    private final ApplicationService applications;
    private final PartyChecks checks;
    private final List<RescreenSource> sources;
    private final ListVersions versions;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Rescreening(
            CaseService cases,
            LicenceService licences,
            ApplicationService applications,
            PartyChecks checks,
            List<RescreenSource> sources,
            ListVersions versions,
            AuditLog audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.cases = cases;
        this.licences = licences;
        this.applications = applications;
        this.checks = checks;
        this.sources = List.copyOf(sources);
        this.versions = versions;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        // Also when called after the import's commit, in its thread: each batch is a transaction of its own.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    void on(ListVersionImported imported) {
        rescreen(imported.versionIds());
    }

    /** Screens every open case again and records the counts on {@code versionIds}. */
    void rescreen(List<Long> versionIds) {
        int screened = 0;
        int found = 0;
        ApplicationId after = null;
        while (true) {
            ApplicationId from = after;
            List<ApplicationId> page = transactions.execute(s -> cases.openCases(from, BATCH_SUBJECTS));
            if (page == null || page.isEmpty()) {
                break;
            }
            Integer newHits = transactions.execute(s -> rescreenCases(page, versionIds));
            screened += page.size();
            found += newHits == null ? 0 : newHits;
            after = page.getLast();
        }
        after = null;
        while (true) {
            ApplicationId from = after;
            List<Licence> page = transactions.execute(s -> licences.inForce(from, BATCH_SUBJECTS));
            if (page == null || page.isEmpty()) {
                break;
            }
            Integer newHits = transactions.execute(s -> rescreenLicences(page, versionIds));
            screened += page.size();
            found += newHits == null ? 0 : newHits;
            after = page.getLast().applicationId();
        }
        for (RescreenSource source : sources) {
            UUID last = null;
            while (true) {
                UUID from = last;
                List<RescreenSource.Subject> page = transactions.execute(s -> source.after(from, BATCH_SUBJECTS));
                if (page == null || page.isEmpty()) {
                    break;
                }
                Integer newHits = transactions.execute(s -> rescreenSubjects(source.subject(), page, versionIds));
                screened += page.size();
                found += newHits == null ? 0 : newHits;
                last = page.getLast().id();
            }
        }
        ListVersion.Rescreen rescreen = new ListVersion.Rescreen(clock.instant(), screened, found);
        transactions.executeWithoutResult(s -> {
            List<AuditEntry> entries = new ArrayList<>();
            for (long id : versionIds) {
                versions.rescreened(id, rescreen);
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("rescreened", rescreen.rescreened());
                payload.put("newHits", rescreen.newHits());
                entries.add(
                        new AuditEntry("system", "screening.rescreened", "list_version", Long.toString(id), payload));
            }
            audit.appendAll(entries);
        });
    }

    /**
     * One batch of licences in force: screens each licence's parties (as its latest version names them) again and
     * records the new hits on its application, pending an officer's disposition (the case is decided: there is no flag
     * to raise; the hits are listed with the pending ones and audited with the licence's number).
     */
    private int rescreenLicences(List<Licence> page, List<Long> versionIds) {
        Instant now = clock.instant();
        int found = 0;
        List<AuditEntry> entries = new ArrayList<>();
        for (Licence licence : page) {
            PartyChecks.Checked checked = checks.check(
                    ScreeningHit.Subject.APPLICATION,
                    licence.applicationId().value(),
                    PartyChecks.of(licence.content()),
                    ScreeningHit.FoundBy.RESCREEN,
                    now);
            if (!checked.newHits().isEmpty()) {
                found += checked.newHits().size();
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("versions", versionIds);
                payload.put("licence", licence.number().toString());
                payload.put(
                        "hits", checked.newHits().stream().map(ScreeningHit::id).toList());
                entries.add(new AuditEntry(
                        "system",
                        "screening.rescreen_hits",
                        "application",
                        licence.applicationId().toString(),
                        payload));
            }
        }
        if (!entries.isEmpty()) {
            audit.appendAll(entries);
        }
        return found;
    }

    /** One batch of a source's companies: screens each again and records its new hits, audited on the subject. */
    private int rescreenSubjects(ScreeningHit.Subject kind, List<RescreenSource.Subject> page, List<Long> versionIds) {
        Instant now = clock.instant();
        int found = 0;
        List<AuditEntry> entries = new ArrayList<>();
        for (RescreenSource.Subject subject : page) {
            PartyChecks.Checked checked = checks.check(
                    kind,
                    subject.id(),
                    RequesterScreening.parties(subject.company(), subject.parent(), subject.countries()),
                    ScreeningHit.FoundBy.RESCREEN,
                    now);
            if (!checked.newHits().isEmpty()) {
                found += checked.newHits().size();
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("versions", versionIds);
                payload.put(
                        "hits", checked.newHits().stream().map(ScreeningHit::id).toList());
                entries.add(new AuditEntry(
                        "system",
                        "screening.rescreen_hits",
                        kind.name().toLowerCase(java.util.Locale.ROOT),
                        subject.id().toString(),
                        payload));
            }
        }
        if (!entries.isEmpty()) {
            audit.appendAll(entries);
        }
        return found;
    }

    /** One batch of open cases: screens each application's parties again and flags its case for each new hit. */
    private int rescreenCases(List<ApplicationId> page, List<Long> versionIds) {
        Instant now = clock.instant();
        int found = 0;
        List<AuditEntry> entries = new ArrayList<>();
        for (ApplicationId id : page) {
            PartyChecks.Checked checked = checks.check(
                    ScreeningHit.Subject.APPLICATION,
                    id.value(),
                    PartyChecks.of(applications.registered(id).content()),
                    ScreeningHit.FoundBy.RESCREEN,
                    now);
            for (ScreeningHit hit : checked.newHits()) {
                cases.flag(
                        id,
                        ScreeningService.flag(hit),
                        "SCREENING_HIT",
                        String.format(
                                java.util.Locale.ROOT,
                                "%s '%s' resembles %s %s \"%s\" (%.3f), found when list versions %s were imported;"
                                        + " disposition hit %d",
                                hit.partyRole(),
                                hit.partyName(),
                                hit.listSource(),
                                hit.entryId(),
                                hit.matchedName(),
                                hit.score(),
                                versionIds,
                                hit.id()),
                        "system");
            }
            if (!checked.newHits().isEmpty()) {
                found += checked.newHits().size();
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("versions", versionIds);
                payload.put(
                        "hits", checked.newHits().stream().map(ScreeningHit::id).toList());
                entries.add(new AuditEntry("system", "screening.rescreen_hits", "application", id.toString(), payload));
            }
        }
        if (!entries.isEmpty()) {
            audit.appendAll(entries);
        }
        return found;
    }
}
