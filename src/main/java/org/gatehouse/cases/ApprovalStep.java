package org.gatehouse.cases;

/**
 * A step other modules take inside an approval's transaction, once every requirement has its evidence and before the
 * licence is issued: to take what the approval uses (a government agreement's compute allocation) or to refuse it
 * (throw {@link ApprovalRefusedException} naming why). Everything commits or rolls back with the decision.
 */
public interface ApprovalStep {

    /** Takes part in approving {@code approved}; throws {@link ApprovalRefusedException} to refuse it. */
    void approving(ApprovedCase approved);
}
