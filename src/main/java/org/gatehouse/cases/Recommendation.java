package org.gatehouse.cases;

/** What a reviewing agency recommends on a case referred to it (EO 12981). */
public enum Recommendation {
    APPROVE,
    APPROVE_WITH_CONDITIONS,
    DENY
}
