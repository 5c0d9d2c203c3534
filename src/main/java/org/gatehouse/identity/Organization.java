package org.gatehouse.identity;

import java.time.Instant;
import java.util.Objects;
import org.gatehouse.trade.OrganizationId;

/**
 * A party to the licensing process (an exporter, a buyer, the authority, an agency, an
 * inspectorate); its users see its own records.
 *
 * @param agency which agency, exactly when {@code kind} is {@link OrganizationKind#AGENCY}; else null
 */
public record Organization(
        OrganizationId id,
        OrganizationName name,
        OrganizationKind kind,
        Agency agency,
        Instant createdAt,
        long version) {

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        requireAgencyFits(kind, agency);
    }

    /** An agency is named exactly for organizations of kind AGENCY. */
    static void requireAgencyFits(OrganizationKind kind, Agency agency) {
        if (kind == OrganizationKind.AGENCY && agency == null) {
            throw new IllegalArgumentException(
                    "an organization of kind AGENCY must name its agency (STATE, DEFENSE or ENERGY)");
        }
        if (kind != OrganizationKind.AGENCY && agency != null) {
            throw new IllegalArgumentException("only organizations of kind AGENCY name an agency");
        }
    }
}
