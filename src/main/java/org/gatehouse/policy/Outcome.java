package org.gatehouse.policy;

/** The four answers an assessment can give (SPEC §4), as they appear in the public JSON form. */
public enum Outcome {
    NOT_CONTROLLED,
    EXEMPT,
    LICENSE_REQUIRED,
    PROHIBITED;

    /**
     * Whether an application with this outcome holds compute in the ledger (SPEC §5): an exempt or licensable deal
     * reserves what it would deploy; one that needs no licence or can get none holds nothing.
     */
    public boolean holdsCompute() {
        return this == EXEMPT || this == LICENSE_REQUIRED;
    }
}
