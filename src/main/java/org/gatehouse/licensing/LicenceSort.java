package org.gatehouse.licensing;

/**
 * The orders a page of licences can be shown in (the web UI's list); every order ends with the number, so pages never
 * overlap. {@link #STATE} orders by the state as of the day asked (a live licence past its validity as EXPIRED).
 */
public enum LicenceSort {
    ISSUED,
    UPDATED,
    VALID_UNTIL,
    NUMBER,
    DESTINATION,
    STATE
}
