package org.gatehouse.policy.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.trade.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/policies}: the versions of the rule Gatehouse can apply (public documents, SPEC §9): what each
 * encodes, its sources and assumptions, its content and the hash recorded with every assessment it produces.
 */
@RestController
class PolicyController {

    private final PolicyInForce policies;
    private final JsonMapper json;
    private final Clock clock;

    PolicyController(PolicyInForce policies, JsonMapper json, Clock clock) {
        this.policies = policies;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A policy in a list.
     *
     * @param inForce whether submissions are assessed under it today
     */
    record PolicySummary(
            String id,
            String version,
            String title,
            String summary,
            String sha256,
            LocalDate effectiveFrom,
            LocalDate effectiveUntil,
            String referenceItem,
            long referenceTpp,
            boolean inForce) {}

    /**
     * A policy in full.
     *
     * @param content the canonical form (JSON) whose SHA-256 identifies the policy
     * @param source the file as written (YAML, with its comments)
     */
    record PolicyDocument(
            PolicySummary policy,
            List<Policy.Source> sources,
            List<String> assumptions,
            JsonNode content,
            String source) {}

    /** Every policy, the one in force first. */
    @GetMapping("/api/v1/policies")
    List<PolicySummary> list() {
        Policy inForce = inForce();
        return policies.all().stream().map(p -> summary(p, inForce)).toList();
    }

    @GetMapping("/api/v1/policies/{id}")
    PolicyDocument get(@PathVariable String id) {
        Policy policy = policies.find(id).orElseThrow(() -> new NotFoundException("policy", "'" + id + "'"));
        return new PolicyDocument(
                summary(policy, inForce()),
                policy.sources(),
                policy.assumptions(),
                json.readTree(policy.canonicalJson()),
                policy.sourceText());
    }

    private Policy inForce() {
        return policies.on(LocalDate.now(clock));
    }

    private static PolicySummary summary(Policy policy, Policy inForce) {
        return new PolicySummary(
                policy.id(),
                policy.version(),
                policy.title(),
                policy.summary(),
                policy.sha256(),
                policy.effectiveFrom(),
                policy.effectiveUntil(),
                policy.referenceItem(),
                policy.referenceTpp(),
                policy == inForce);
    }
}
