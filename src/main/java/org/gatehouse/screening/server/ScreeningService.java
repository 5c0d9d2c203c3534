package org.gatehouse.screening.server;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.applications.ApplicationService;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.cases.CaseService;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.screening.BundledLists;
import org.gatehouse.screening.Disposition;
import org.gatehouse.screening.Hit;
import org.gatehouse.screening.ListFile;
import org.gatehouse.screening.ListFileException;
import org.gatehouse.screening.ListLoader;
import org.gatehouse.screening.ListVersion;
import org.gatehouse.screening.ListVersionImported;
import org.gatehouse.screening.ListVersions;
import org.gatehouse.screening.Screener;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.screening.ScreeningHits;
import org.gatehouse.screening.ScreeningList;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restricted-party screening on the server (SPEC §8): list versions imported by an administrator (versioned by
 * SHA-256; an unchanged file changes nothing; a malformed one is refused whole, naming its line), screening a name
 * against the active lists, and officers' dispositions of the hits found on applications and pre-approval requests.
 * Every change is audited in its transaction; authorization is here: ADMIN imports, OFFICER dispositions, OFFICER and
 * AUDITOR read hits, every signed-in user may screen a name (the lists are public).
 */
@Service
public class ScreeningService {

    /** Most list versions shown at once. */
    public static final int VERSIONS_SHOWN_MAX = 500;
    /** Most files in one import (the SDN set is three). */
    public static final int IMPORT_FILES_MAX = 20;
    /** Longest disposition reason. */
    public static final int REASON_CHARS_MAX = 4_000;
    /** Most pending hits listed at once. */
    public static final int PENDING_SHOWN_MAX = 500;

    static final String HIT = "screening hit";

    private final ListVersions versions;
    private final ScreeningHits hits;
    private final Screeners screeners;
    private final Rescreening rescreening;
    private final CaseService cases;
    private final ApplicationService applications;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ScreeningProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ScreeningService(
            ListVersions versions,
            ScreeningHits hits,
            Screeners screeners,
            Rescreening rescreening,
            CaseService cases,
            ApplicationService applications,
            AuditLog audit,
            ApplicationEventPublisher events,
            ScreeningProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.versions = versions;
        this.hits = hits;
        this.screeners = screeners;
        this.rescreening = rescreening;
        this.cases = cases;
        this.applications = applications;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** What an import did with one list: its version, and whether it was new or the active version already. */
    public record ImportedList(ListVersion version, boolean unchanged) {}

    /**
     * What an import did: each list's version, and what re-screening against the new versions found (null when
     * nothing was new, or when it had not finished within {@code gatehouse.screening.rescreen-wait-seconds}).
     */
    public record Imported(List<ImportedList> lists, ListVersion.Rescreen rescreen) {}

    /**
     * Imports list files as new versions (an administrator): the files are read whole first, so a malformed file is
     * refused, naming its line and the problem, before anything is stored; a list whose SHA-256 is its source's active
     * version already is left as it is. New versions become active at once; the cases, pre-approvals and licensed
     * applications are then screened again (a reaction to {@link ListVersionImported}), and the answer says how many
     * and how many new hits.
     *
     * @param source the source name of every list read (null: SDN, CSL or DPL by format)
     * @throws InvalidInputException naming the file and line of a malformed file, or a source given twice
     */
    public Imported importLists(CurrentUser caller, List<ListFile> files, String source) {
        caller.requireWriter();
        caller.require(Role.ADMIN);
        if (source != null && !source.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")) {
            throw InvalidInputException.of(
                    "source", "must be 1..40 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        if (files.isEmpty() || files.size() > IMPORT_FILES_MAX) {
            throw InvalidInputException.of("files", "give 1.." + IMPORT_FILES_MAX + " list files, got " + files.size());
        }
        Set<String> names = new HashSet<>();
        for (ListFile file : files) {
            if (!names.add(file.name())) {
                throw InvalidInputException.of("files", "the file " + file.name() + " is given twice");
            }
        }
        Map<String, List<ListFile>> group = new LinkedHashMap<>();
        group.put(source, files);
        return store(caller.actor(), group, null, true);
    }

    /**
     * Imports the bundled 2021 snapshot when no list was ever imported, so that a fresh server screens against
     * something from its first request (labelled as a snapshot, to be replaced with current lists).
     *
     * @return whether it imported
     */
    boolean importBundledIfEmpty() {
        if (versions.latestId() != 0) {
            return false;
        }
        Imported imported = store("system", BundledLists.files(), BundledLists.LABEL, false);
        List<Long> added = imported.lists().stream()
                .filter(l -> !l.unchanged())
                .map(l -> l.version().id())
                .toList();
        if (!added.isEmpty()) {
            rescreening.rescreen(added); // directly: at start, event listeners may not be registered yet
        }
        return !added.isEmpty();
    }

    /**
     * Reads every group of files (by source name; a null key: the format's default names) and stores what is new, in
     * one transaction under the import lock.
     */
    private Imported store(String actor, Map<String, List<ListFile>> groups, String label, boolean publish) {
        List<ScreeningList> lists = new ArrayList<>();
        Map<String, ListFile> byName = new HashMap<>();
        for (Map.Entry<String, List<ListFile>> group : groups.entrySet()) {
            try {
                lists.addAll(ListLoader.load(group.getValue(), group.getKey()));
            } catch (ListFileException e) {
                throw InvalidInputException.of("files", e.getMessage());
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("files", e.getMessage());
            }
            group.getValue().forEach(f -> byName.put(f.name(), f));
        }
        Set<String> sources = new HashSet<>();
        for (ScreeningList list : lists) {
            if (!sources.add(list.source())) {
                throw InvalidInputException.of(
                        "source",
                        "two lists would both be " + list.source() + ": import one list per source name at a time");
            }
        }
        List<ImportedList> outcome = transactions.execute(status -> {
            versions.lockImports();
            Map<String, ListVersion> active = new HashMap<>();
            versions.active().forEach(v -> active.put(v.source(), v));
            List<ImportedList> done = new ArrayList<>();
            List<AuditEntry> entries = new ArrayList<>();
            List<Long> added = new ArrayList<>();
            for (ScreeningList list : lists) {
                ListVersion current = active.get(list.source());
                if (current != null && current.sha256().equals(list.sha256())) {
                    done.add(new ImportedList(current, true));
                    continue;
                }
                List<ListFile> content =
                        list.files().stream().map(f -> byName.get(f.name())).toList();
                long id = versions.insert(list, content, label, clock.instant(), actor);
                screeners.remember(id, list);
                ListVersion stored = versions.find(id).orElseThrow();
                done.add(new ImportedList(stored, false));
                added.add(id);
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("source", list.source());
                payload.put("sha256", list.sha256());
                payload.put("entries", list.entryCount());
                payload.put(
                        "files",
                        list.files().stream()
                                .map(f -> f.name() + " " + f.sha256() + " " + f.bytes())
                                .toList());
                payload.put("replaces", current == null ? null : current.id());
                payload.put("label", label);
                entries.add(
                        new AuditEntry(actor, "screening.list_imported", "list_version", Long.toString(id), payload));
            }
            if (!added.isEmpty()) {
                audit.appendAll(entries);
                if (publish) {
                    events.publishEvent(new ListVersionImported(added));
                }
            }
            return done;
        });
        List<Long> added = outcome.stream()
                .filter(l -> !l.unchanged())
                .map(l -> l.version().id())
                .toList();
        if (added.isEmpty()) {
            return new Imported(outcome, null);
        }
        screeners.lists(); // builds the new matcher now rather than in the next submission
        return new Imported(refreshed(outcome), publish ? awaitRescreen(added.getLast()) : null);
    }

    private List<ImportedList> refreshed(List<ImportedList> outcome) {
        return outcome.stream()
                .map(l -> new ImportedList(versions.find(l.version().id()).orElse(l.version()), l.unchanged()))
                .toList();
    }

    /** Waits (bounded) for the re-screening of an import to be recorded on its last version. */
    private ListVersion.Rescreen awaitRescreen(long versionId) {
        long deadline = System.nanoTime()
                + Duration.ofSeconds(properties.rescreenWaitSeconds()).toNanos();
        while (true) {
            Optional<ListVersion> version = versions.find(versionId);
            if (version.isPresent() && version.get().rescreen() != null) {
                return version.get().rescreen();
            }
            if (System.nanoTime() >= deadline) {
                return null;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** What screening a name found, against which list versions. */
    public record Screened(List<Hit> hits, List<ListVersion> lists, double threshold) {}

    /**
     * Screens a name against the active lists (any signed-in user: the lists are public, and an exporter screens its
     * counterparties before it signs): the hits at or above the threshold, best first.
     */
    @Transactional(readOnly = true)
    public Screened screen(CurrentUser caller, String name, CountryCode country, Double threshold) {
        java.util.Objects.requireNonNull(caller, "caller");
        double least = threshold == null ? properties.threshold() : threshold;
        if (!(least > 0 && least <= 1)) {
            throw InvalidInputException.of("threshold", "must be in (0, 1], got " + threshold);
        }
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("name", "is required");
        }
        if (name.length() > Screener.NAME_CHARS_MAX) {
            throw InvalidInputException.of("name", "longer than " + Screener.NAME_CHARS_MAX + " characters");
        }
        Screeners.Lists lists = screeners.lists();
        return new Screened(lists.screener().screen(name, country, least), lists.versions(), least);
    }

    /** The list versions, the latest first (administrators, officers, auditors). */
    @Transactional(readOnly = true)
    public List<ListVersion> versions(CurrentUser caller) {
        caller.require(Role.ADMIN, Role.OFFICER, Role.AUDITOR);
        return versions.all(VERSIONS_SHOWN_MAX);
    }

    /** The active version of each list (administrators, officers, auditors). */
    @Transactional(readOnly = true)
    public List<ListVersion> activeVersions(CurrentUser caller) {
        caller.require(Role.ADMIN, Role.OFFICER, Role.AUDITOR);
        return versions.active();
    }

    /** The hits of an application (officers and auditors; to anyone else it does not exist). */
    @Transactional(readOnly = true)
    public List<ScreeningHit> hitsOf(CurrentUser caller, ApplicationId id) {
        requireReader(caller, "application", id);
        applications.registered(id); // 404 for an application never submitted
        return hits.of(ScreeningHit.Subject.APPLICATION, id.value());
    }

    /** The hits of a pre-approval's requester (officers and auditors; to anyone else they do not exist). */
    @Transactional(readOnly = true)
    public List<ScreeningHit> hitsOfPreApproval(CurrentUser caller, java.util.UUID preApproval) {
        requireReader(caller, "pre-approval", preApproval);
        return hits.of(ScreeningHit.Subject.PREAPPROVAL, preApproval);
    }

    /** Hits awaiting a disposition, the oldest first (officers and auditors). */
    @Transactional(readOnly = true)
    public List<ScreeningHit> pending(CurrentUser caller, long afterId, int limit) {
        caller.require(Role.OFFICER, Role.AUDITOR);
        return hits.pending(afterId, Math.min(Math.max(limit, 1), PENDING_SHOWN_MAX));
    }

    /** One hit (officers and auditors). */
    @Transactional(readOnly = true)
    public ScreeningHit hit(CurrentUser caller, long id) {
        requireReader(caller, HIT, id);
        return hits.find(id).orElseThrow(() -> new NotFoundException(HIT, id));
    }

    /**
     * An officer dispositions a hit, with the reason. TRUE_MATCH on an application whose case is open: the
     * application's outcome becomes PROHIBITED — its case is denied, its compute released, the application concluded
     * DENIED — in this transaction. FALSE_POSITIVE clears the hit (evidence for SCREENING_REVIEW once every hit of the
     * application is cleared) and the case's flag for it, if one was raised. A hit is dispositioned once.
     *
     * @throws NotFoundException when {@code application} has no hit {@code id}
     */
    @Transactional
    public ScreeningHit disposition(
            CurrentUser caller, ApplicationId application, long id, Disposition disposition, String reason) {
        return disposition(caller, ScreeningHit.Subject.APPLICATION, application.value(), id, disposition, reason);
    }

    /**
     * An officer dispositions a hit of a pre-approval's requester, with the reason: FALSE_POSITIVE clears it, TRUE_MATCH
     * confirms it (the pre-approval is not granted; the officer denies it). A hit is dispositioned once.
     *
     * @throws NotFoundException when the pre-approval has no hit {@code id}
     */
    @Transactional
    public ScreeningHit dispositionOfPreApproval(
            CurrentUser caller, java.util.UUID preApproval, long id, Disposition disposition, String reason) {
        return disposition(caller, ScreeningHit.Subject.PREAPPROVAL, preApproval, id, disposition, reason);
    }

    private ScreeningHit disposition(
            CurrentUser caller,
            ScreeningHit.Subject kind,
            java.util.UUID subject,
            long id,
            Disposition disposition,
            String reason) {
        caller.requireWriter();
        caller.require(Role.OFFICER);
        java.util.Objects.requireNonNull(disposition, "disposition");
        java.util.Objects.requireNonNull(reason, "reason");
        ScreeningHit hit = hits.findForUpdate(id)
                .filter(h -> h.kindOfSubject() == kind && h.subject().equals(subject))
                .orElseThrow(() -> new NotFoundException(HIT, id));
        if (hit.dispositioned()) {
            throw new ConflictException("hit " + id + " was dispositioned " + hit.disposition() + " by "
                    + hit.dispositionedBy() + " on " + hit.dispositionedAt() + "; a disposition is final");
        }
        hits.disposition(id, disposition, reason, caller.actor(), clock.instant());
        String caseAction = null;
        if (hit.kindOfSubject() == ScreeningHit.Subject.APPLICATION) {
            caseAction = onCase(caller, hit, disposition, reason);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("disposition", disposition.name());
        payload.put("reason", reason);
        payload.put("subject", hit.kindOfSubject().name() + " " + hit.subject());
        payload.put("party", hit.partyRole() + " " + hit.partyName());
        payload.put("entry", hit.listSource() + " " + hit.entryId() + " " + hit.matchedName());
        payload.put("score", Double.toString(hit.score()));
        payload.put("case", caseAction);
        audit.append(new AuditEntry(caller.actor(), "screening.hit_dispositioned", HIT, Long.toString(id), payload));
        return hits.find(id).orElseThrow();
    }

    /** What a disposition does to the application's case; says what was done, or null. */
    private String onCase(CurrentUser caller, ScreeningHit hit, Disposition disposition, String reason) {
        ApplicationId application = new ApplicationId(hit.subject());
        CaseService.Reviewed review;
        try {
            review = cases.get(caller, application);
        } catch (NotFoundException e) {
            return null; // no case (an exemption would have had no hit; a case not opened yet)
        }
        if (!review.review().state().open()) {
            return "case " + review.review().state() + ": left as it is";
        }
        if (disposition == Disposition.TRUE_MATCH) {
            cases.denyForRestrictedParty(
                    caller,
                    application,
                    "The " + hit.partyRole() + " '" + hit.partyName() + "' is " + hit.listSource() + " entry "
                            + hit.entryId() + " (\"" + hit.matchedName() + "\", hit " + hit.id() + "): " + reason);
            return "denied";
        }
        String flag = flag(hit);
        if (review.review().flags().containsKey(flag)) {
            cases.clearFlag(
                    caller,
                    application,
                    flag,
                    "hit " + hit.id() + " is a false positive: " + reason,
                    review.review().version());
            return "flag cleared";
        }
        return null;
    }

    /** The case flag raised for a hit found after the case opened. */
    static String flag(ScreeningHit hit) {
        return "screening:" + hit.id();
    }

    private static void requireReader(CurrentUser caller, String what, Object id) {
        if (!caller.hasAny(Role.OFFICER, Role.AUDITOR)) {
            throw new NotFoundException(what, id);
        }
    }
}
