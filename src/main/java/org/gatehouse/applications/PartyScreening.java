package org.gatehouse.applications;

import java.util.List;
import java.util.Objects;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;

/**
 * The port through which the screening module takes part in a submission, in its transaction and before the
 * assessment (SPEC §6.1, §8): it screens every party against the restricted-party lists and records the hits, and it
 * resolves the ultimate parent and the end user against the authority's register of companies (the measure's keys).
 * Implemented by {@code screening}; with no implementation installed nothing is screened and the names count as
 * written.
 */
public interface PartyScreening {

    /**
     * Screens and resolves the parties of {@code content}, about to be submitted as {@code id} by {@code actor}, and
     * records what it found in the caller's transaction (rolled back with it when the submission fails).
     */
    Result screen(ApplicationId id, ApplicationContent content, String actor);

    /**
     * The companies the measure would count {@code content}'s compute under if it were submitted now (a registered
     * name or alias links to its company), for dry runs: nothing is screened and nothing recorded.
     */
    Result measuredAs(ApplicationContent content);

    /**
     * What submission needs to know.
     *
     * @param hit whether a party (or an owner of one) matched a listed party at or above the threshold: the
     *     assessment adds SCREENING_REVIEW and no exemption is possible
     * @param parent the company the measure counts the compute for: the registered company the ultimate parent was
     *     resolved to, else the name as written
     * @param endUser the same for the end user
     * @param audit what the screening recorded, to be appended to the audit log with the submission's own event
     */
    record Result(boolean hit, CompanyName parent, CompanyName endUser, List<AuditEntry> audit) {

        public Result {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(endUser, "endUser");
            audit = List.copyOf(audit);
        }

        /** Nothing screened: no hit, the companies as written, nothing to audit. */
        public static Result none(ApplicationContent content) {
            return new Result(false, content.company(), content.endUserCompany(), List.of());
        }
    }
}
