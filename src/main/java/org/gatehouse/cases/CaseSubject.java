package org.gatehouse.cases;

import java.util.List;
import java.util.Objects;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.PolicyRef;
import org.gatehouse.policy.Requirement;
import org.gatehouse.policy.ReviewPath;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.Tpp;

/**
 * What a case decides on, fixed when it opens: the registered assessment of the application (policy, outcome, tier,
 * review path, requirements, controlled compute) and whom it concerns (end user, ultimate parent, destination).
 */
public record CaseSubject(
        PolicyRef policy,
        Outcome outcome,
        Tier tier,
        ReviewPath reviewPath,
        List<Requirement> requirements,
        Tpp controlledTpp,
        CompanyName endUser,
        CompanyName company,
        CountryCode destination) {

    public CaseSubject {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(outcome, "outcome");
        requirements = List.copyOf(requirements);
        Objects.requireNonNull(controlledTpp, "controlledTpp");
        Objects.requireNonNull(endUser, "endUser");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(destination, "destination");
    }
}
