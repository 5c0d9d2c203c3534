package org.gatehouse.cases;

import java.util.Set;
import org.gatehouse.policy.Requirement;

/**
 * The one port through which the modules that own evidence answer for it (pre-approvals for BUYER_PREAPPROVAL,
 * agreements for G2G_AGREEMENT, screening for SCREENING_REVIEW…). A requirement that no source claims is documentary:
 * a document filed on the case, with its SHA-256, meets it.
 */
public interface EvidenceSource {

    /** The requirement codes this source answers for. */
    Set<Requirement> answers();

    /** Whether {@code requirement} (one of {@link #answers()}) is met for the case at {@code facts.at()}. */
    Evidence evidence(Requirement requirement, CaseFacts facts);
}
