package org.gatehouse.screening;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.gatehouse.trade.CountryCode;

/**
 * A listed party found for a party of an application or of a pre-approval request, as the server keeps it, with the
 * officer's disposition once made.
 *
 * @param subject the application's or the pre-approval's id
 * @param partyRole which party of the subject (END_USER, PURCHASER, INTERMEDIATE_CONSIGNEE[1], ULTIMATE_PARENT…)
 * @param listVersionId the list version the hit was found in
 * @param path for an ownership hit, the chain of owners from the party to the listed owner; else null
 * @param disposition null while it awaits an officer
 */
public record ScreeningHit(
        long id,
        Subject kindOfSubject,
        UUID subject,
        String partyRole,
        String partyName,
        String partyKey,
        CountryCode partyCountry,
        Kind kind,
        String listSource,
        long listVersionId,
        String entryId,
        String matchedName,
        double score,
        String explanation,
        String path,
        Instant foundAt,
        FoundBy foundBy,
        Disposition disposition,
        String reason,
        String dispositionedBy,
        Instant dispositionedAt) {

    public ScreeningHit {
        Objects.requireNonNull(kindOfSubject, "kindOfSubject");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(partyRole, "partyRole");
        Objects.requireNonNull(partyName, "partyName");
        Objects.requireNonNull(partyKey, "partyKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(listSource, "listSource");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(matchedName, "matchedName");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(foundAt, "foundAt");
        Objects.requireNonNull(foundBy, "foundBy");
    }

    /** What was screened. */
    public enum Subject {
        APPLICATION,
        PREAPPROVAL
    }

    /** How the party relates to the listed party. */
    public enum Kind {
        /** Its name (or an alias of the listed party) resembles it. */
        NAME,
        /** It is owned 50 % or more by it, directly or through a chain of such owners. */
        OWNERSHIP
    }

    /** When the hit was found. */
    public enum FoundBy {
        SUBMISSION,
        REQUEST,
        RESCREEN
    }

    /** Whether an officer has dispositioned it. */
    public boolean dispositioned() {
        return disposition != null;
    }

    /** A hit not stored yet: what the screening found, to be recorded once per subject, party and entry. */
    public static ScreeningHit found(
            Subject kindOfSubject,
            UUID subject,
            String partyRole,
            String partyName,
            String partyKey,
            CountryCode partyCountry,
            Kind kind,
            long listVersionId,
            Hit hit,
            String path,
            Instant at,
            FoundBy foundBy) {
        return new ScreeningHit(
                0,
                kindOfSubject,
                subject,
                partyRole,
                partyName,
                partyKey,
                partyCountry,
                kind,
                hit.list(),
                listVersionId,
                hit.entryId(),
                hit.matchedName(),
                hit.score(),
                hit.explanation(),
                path,
                at,
                foundBy,
                null,
                null,
                null,
                null);
    }
}
