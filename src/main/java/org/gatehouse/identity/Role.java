package org.gatehouse.identity;

/**
 * What a user may do (SPEC §9). A user holds one or more roles, all allowed by its organization's
 * kind ({@link OrganizationKind#allowedRoles()}).
 */
public enum Role {
    /** An exporter's user: files applications, reports shipments; sees its organization's records only. */
    APPLICANT,
    /** A buyer's user: requests pre-approvals; sees its organization's records only. */
    BUYER,
    /** A licensing officer: reviews every case, refers, decides. */
    OFFICER,
    /** A reviewing agency's user: sees only the cases referred to its agency. */
    AGENCY,
    /** Schedules and records on-site inspections. */
    INSPECTOR,
    /** Reads everything, changes nothing; verifies the audit log. */
    AUDITOR,
    /** Manages organizations, users, tokens, policies and lists. */
    ADMIN;

    /** The Spring Security authority for this role ({@code ROLE_ADMIN}…), for URL rules and {@code hasRole}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
