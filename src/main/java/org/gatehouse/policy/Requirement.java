package org.gatehouse.policy;

/**
 * The stable requirement codes of SPEC §4, in the order they are listed in assessments. Policies pick from these;
 * a new code is a change of the public vocabulary, hence of this enum and of the schema.
 */
public enum Requirement {
    POST_SHIPMENT_NOTIFICATION,
    BUYER_PREAPPROVAL,
    BUSINESS_MODEL_DISCLOSURE,
    SITE_INSPECTION_CONSENT,
    G2G_AGREEMENT,
    SECURITY_COMMITMENTS,
    US_INVESTMENT_MATCH,
    REVENUE_SHARE,
    THIRD_PARTY_TESTING_US,
    KYC_REMOTE_ACCESS_CONTROLS,
    EXPORTER_MONITORING,
    ANTI_CLUSTERING_SOFTWARE,
    G2G_ASSURANCES,
    US_SITE_VISITS,
    US_INVESTMENT,
    HOST_GOV_SECURITY_CERTIFICATION,
    SCREENING_REVIEW;

    private static final Requirement[] VALUES = values();

    /** The bit of this code in a requirement set held as a {@code long}. */
    long bit() {
        return 1L << ordinal();
    }

    /** The codes present in {@code mask}, in declaration order. */
    static java.util.List<Requirement> listOf(long mask) {
        java.util.List<Requirement> list = new java.util.ArrayList<>(Long.bitCount(mask));
        for (Requirement r : VALUES) {
            if ((mask & r.bit()) != 0) {
                list.add(r);
            }
        }
        return list;
    }
}
