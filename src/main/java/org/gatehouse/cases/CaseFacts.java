package org.gatehouse.cases;

import java.time.Instant;
import java.util.Objects;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.OrganizationId;

/**
 * What an evidence source needs to know of a case to say whether a requirement is met: the application, its
 * applicant, end user and ultimate parent (canonical keys), destination, tier, and the moment of the decision.
 */
public record CaseFacts(
        ApplicationId applicationId,
        OrganizationId applicant,
        ApplicationContent content,
        CompanyName endUser,
        CompanyName ultimateParent,
        CountryCode destination,
        Tier tier,
        Instant at) {

    public CaseFacts {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(endUser, "endUser");
        Objects.requireNonNull(ultimateParent, "ultimateParent");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(at, "at");
    }
}
