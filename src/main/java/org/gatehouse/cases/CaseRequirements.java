package org.gatehouse.cases;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gatehouse.policy.Requirement;

/**
 * Which requirements of an assessment must be met before approval (evidence) and which bind the licence after it
 * (conditions). Conditions are obligations of the holder over the licence's life: notifying shipments, sharing
 * revenue, testing in the US, controlling remote access, monitoring the chips, preventing clustering.
 */
public final class CaseRequirements {

    /** The requirements that become conditions of the licence rather than evidence for the approval. */
    public static final Set<Requirement> CONDITIONS = EnumSet.of(
            Requirement.POST_SHIPMENT_NOTIFICATION,
            Requirement.REVENUE_SHARE,
            Requirement.THIRD_PARTY_TESTING_US,
            Requirement.KYC_REMOTE_ACCESS_CONTROLS,
            Requirement.EXPORTER_MONITORING,
            Requirement.ANTI_CLUSTERING_SOFTWARE);

    private CaseRequirements() {}

    /** The requirements among {@code all} that need evidence before approval. */
    public static List<Requirement> evidenceNeeded(List<Requirement> all) {
        return all.stream().filter(r -> !CONDITIONS.contains(r)).toList();
    }

    /** The requirements among {@code all} that become licence conditions. */
    public static List<Requirement> conditions(List<Requirement> all) {
        return all.stream().filter(CONDITIONS::contains).toList();
    }
}
