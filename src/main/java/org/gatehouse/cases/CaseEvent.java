package org.gatehouse.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.gatehouse.applications.DocumentRef;
import org.gatehouse.identity.Agency;
import org.gatehouse.policy.Requirement;

/**
 * One step in a case's history. The history is the case's record: its state, referrals, hold, documents and every
 * statutory clock are derived from it, never kept as a countdown.
 */
public sealed interface CaseEvent {

    /** When it happened. */
    Instant at();

    /** Who did it (a username, or {@code system}). */
    String by();

    /** The application was submitted and registered: the case opens and its clocks start. */
    record Opened(Instant at, String by) implements CaseEvent {}

    /** An officer took the case (or left it, {@code officer} null). */
    record Assigned(String officer, Instant at, String by) implements CaseEvent {}

    /** The case was referred to these agencies. */
    record Referred(List<Agency> agencies, String note, Instant at, String by) implements CaseEvent {
        public Referred {
            agencies = List.copyOf(agencies);
        }
    }

    /** An agency recorded its recommendation. */
    record Recommended(Agency agency, Recommendation recommendation, String reasons, Instant at, String by)
            implements CaseEvent {}

    /** The officer asked the applicant a question, to be answered by {@code dueOn}: every clock stops. */
    record Held(String question, LocalDate dueOn, Instant at, String by) implements CaseEvent {}

    /** The applicant answered: the case resumes where it was and the clocks run again. */
    record Answered(String answer, Instant at, String by) implements CaseEvent {}

    /** The applicant filed a document as evidence for a requirement. */
    record DocumentFiled(Requirement requirement, DocumentRef document, Instant at, String by) implements CaseEvent {}

    /** Returned without action. */
    record Returned(String reason, Instant at, String by) implements CaseEvent {}

    /** Decided; an approval names the licence it became. */
    record Decided(Decision decision, String reasons, String conditions, String licenceNumber, Instant at, String by)
            implements CaseEvent {
        public Decided {
            Objects.requireNonNull(decision, "decision");
        }
    }

    /**
     * Another module raised a flag on the case (a failed inspection of the buyer's site, a possible second spelling of
     * a registered company, a screening hit): it blocks approval until an officer clears it.
     *
     * @param flag an identifier unique within the case (the raising module's kind and reference)
     */
    record Flagged(String flag, String kind, String reason, Instant at, String by) implements CaseEvent {
        public Flagged {
            Objects.requireNonNull(flag, "flag");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An officer cleared a flag, saying why. */
    record FlagCleared(String flag, String reason, Instant at, String by) implements CaseEvent {}

    /** The applicant withdrew the application. */
    record Withdrawn(Instant at, String by) implements CaseEvent {}
}
