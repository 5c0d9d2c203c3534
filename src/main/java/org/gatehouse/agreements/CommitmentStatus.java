package org.gatehouse.agreements;

/** Whether a security commitment of an agreement is met: a BREACHED one puts the agreement out of good standing. */
public enum CommitmentStatus {
    PENDING,
    MET,
    BREACHED
}
