package org.gatehouse.licensing;

/**
 * The orders a page of exemptions can be shown in (the web UI's list); every order ends with the application's id, so
 * pages never overlap. {@link #STATE} orders by the state as of the day asked (an open exemption past its period as
 * LAPSED).
 */
public enum ExemptionSort {
    REGISTERED,
    SHIP_BY,
    DESTINATION,
    STATE
}
