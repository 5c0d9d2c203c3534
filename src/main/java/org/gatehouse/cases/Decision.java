package org.gatehouse.cases;

/** How a case is decided (SPEC §6.2). */
public enum Decision {
    APPROVED,
    APPROVED_WITH_CONDITIONS,
    DENIED;

    /** Whether the decision grants a licence. */
    public boolean approves() {
        return this != DENIED;
    }
}
