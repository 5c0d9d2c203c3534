package org.gatehouse.applications;

/** The orders a list of applications can be shown in; every order ends with the id, so pages never overlap. */
public enum ApplicationSort {
    CREATED,
    UPDATED,
    SUBMITTED,
    STATE,
    DESTINATION,
    COMPANY,
    REFERENCE
}
