package org.gatehouse.identity;

import java.util.Map;

/** How many organizations and accounts there are (implemented over SQL in {@code jdbc/}); read-only. */
public interface AccountCounts {

    /**
     * The counts at one moment.
     *
     * @param organizationsByKind organizations per kind (kinds without any are absent)
     * @param enabledUsersByRole enabled accounts per role they hold (an account with two roles counts in both)
     */
    record Counts(
            Map<OrganizationKind, Long> organizationsByKind,
            long enabledUsers,
            long disabledUsers,
            Map<Role, Long> enabledUsersByRole) {

        public Counts {
            organizationsByKind = Map.copyOf(organizationsByKind);
            enabledUsersByRole = Map.copyOf(enabledUsersByRole);
        }

        public long organizations() {
            return organizationsByKind.values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    Counts counts();
}
