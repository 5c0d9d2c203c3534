package org.gatehouse.preapproval;

/** Whether an inspection is still to be performed or has been recorded. */
public enum InspectionState {
    SCHEDULED,
    RECORDED
}
