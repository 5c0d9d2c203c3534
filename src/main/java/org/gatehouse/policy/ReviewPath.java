package org.gatehouse.policy;

/**
 * How an application is reviewed (SPEC §4). The declaration order is only a default listing; which path wins when
 * several apply is the policy's {@code review_path_precedence}.
 */
public enum ReviewPath {
    EXEMPT,
    SIMPLIFIED,
    STANDARD,
    G2G,
    CASE_BY_CASE,
    PRESUMPTION_OF_DENIAL
}
