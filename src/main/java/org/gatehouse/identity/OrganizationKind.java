package org.gatehouse.identity;

import java.util.EnumSet;
import java.util.Set;

/** What an organization is in the licensing process; it decides which roles its users may hold. */
public enum OrganizationKind {
    EXPORTER,
    BUYER,
    AUTHORITY,
    AGENCY,
    INSPECTORATE;

    /** The roles a user of an organization of this kind may hold (the database checks the same). */
    public Set<Role> allowedRoles() {
        return switch (this) {
            case EXPORTER -> EnumSet.of(Role.APPLICANT);
            case BUYER -> EnumSet.of(Role.BUYER);
            case AUTHORITY -> EnumSet.of(Role.OFFICER, Role.AUDITOR, Role.ADMIN);
            case AGENCY -> EnumSet.of(Role.AGENCY);
            case INSPECTORATE -> EnumSet.of(Role.INSPECTOR);
        };
    }
}
