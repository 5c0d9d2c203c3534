package org.gatehouse.identity;

import java.util.Objects;

/** What it takes to register an organization; {@code agency} is set exactly for kind AGENCY. */
public record NewOrganization(OrganizationName name, OrganizationKind kind, Agency agency) {

    public NewOrganization {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Organization.requireAgencyFits(kind, agency);
    }
}
