package org.gatehouse.cases;

import java.util.Map;
import java.util.Objects;
import org.gatehouse.policy.Requirement;

/**
 * A condition a licence is issued with: a requirement of the assessment that applies after approval (revenue share,
 * post-shipment notification, third-party testing in the US, remote-access controls…), with the policy's parameters
 * for it (the revenue-share rate).
 */
public record LicenceCondition(Requirement code, Map<String, String> parameters) {

    public LicenceCondition {
        Objects.requireNonNull(code, "code");
        parameters = Map.copyOf(parameters);
    }
}
