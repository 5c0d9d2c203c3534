package org.gatehouse.policy;

/** The four answers an assessment can give (SPEC §4), as they appear in the public JSON form. */
public enum Outcome {
    NOT_CONTROLLED,
    EXEMPT,
    LICENSE_REQUIRED,
    PROHIBITED
}
