package org.gatehouse.ledger;

import java.time.LocalDate;
import java.util.Objects;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.OrganizationId;

/**
 * Who an application's compute is counted for: the attributes that the policies' measures are keyed by.
 *
 * @param applicationId the application the compute belongs to
 * @param parent the end user's ultimate parent
 * @param endUser the end user
 * @param destination the country of deployment
 * @param assessedOn the date the application was assessed on (calendar-year and rolling windows use it)
 * @param outcome an outcome that holds compute ({@link Outcome#holdsCompute()}): only those reach the ledger
 * @param tier the tier it was assessed in (e.g. LPP): measures that count only some tiers select on it
 * @param filedBy the organization that filed the application, or null: it may be shown its own part of a measure
 */
public record Position(
        ApplicationId applicationId,
        CompanyName parent,
        CompanyName endUser,
        CountryCode destination,
        LocalDate assessedOn,
        Outcome outcome,
        Tier tier,
        OrganizationId filedBy) {

    public Position {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(endUser, "endUser");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(assessedOn, "assessedOn");
        if (!outcome.holdsCompute()) {
            throw new IllegalArgumentException(
                    "only EXEMPT or LICENSE_REQUIRED applications hold compute, got " + outcome);
        }
        Objects.requireNonNull(tier, "tier");
    }
}
