package org.gatehouse.system;

import org.gatehouse.policy.Policies;
import org.gatehouse.policy.PolicyInForce;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy in force, as a bean: {@code gatehouse.policy.default} (environment {@code GATEHOUSE_POLICY_DEFAULT})
 * names it; unset, the first built-in policy applies. An unknown id stops the server at start, naming the choices.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    /** {@code default} is a Java keyword, so the setting is read by name rather than bound to a record. */
    @Bean
    PolicyInForce policyInForce(@Value("${gatehouse.policy.default:}") String inForceId) {
        return new PolicyInForce(Policies.builtIn(), inForceId);
    }
}
