package org.gatehouse.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which policy applies to an application on a given date: the one the authority configured as in force
 * ({@code gatehouse.policy.default}; the first built-in policy unless set). Submissions and dry runs ask it rather
 * than naming a policy, so putting a new version of the rule in force is a setting, not a code change.
 */
public final class PolicyInForce {

    private final Policies policies;
    private final Policy inForce;

    /**
     * @param inForceId the id of the policy in force, or null for the default built-in one
     * @throws IllegalArgumentException when no policy has that id
     */
    public PolicyInForce(Policies policies, String inForceId) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.inForce = inForceId == null || inForceId.isBlank()
                ? policies.defaultPolicy()
                : policies.find(inForceId)
                        .orElseThrow(() -> new IllegalArgumentException("no policy has the id '" + inForceId
                                + "' (the built-in ones: "
                                + policies.all().stream().map(Policy::id).toList() + ")"));
    }

    /** The policy applied to applications assessed on {@code date}. */
    public Policy on(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return inForce;
    }

    /** A policy by id, for comparisons and dry runs under another version of the rule. */
    public Optional<Policy> find(String id) {
        return policies.find(id);
    }

    /** Every policy that can be asked for, the one in force first. */
    public List<Policy> all() {
        List<Policy> all = new java.util.ArrayList<>(policies.all());
        all.remove(inForce);
        all.addFirst(inForce);
        return List.copyOf(all);
    }
}
