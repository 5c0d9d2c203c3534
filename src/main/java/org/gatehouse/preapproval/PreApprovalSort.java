package org.gatehouse.preapproval;

/** The orders a list of pre-approvals can be shown in; every order ends with the id, so pages never overlap. */
public enum PreApprovalSort {
    REQUESTED,
    CHANGED,
    COMPANY,
    STATE
}
