package org.gatehouse.applications.web;

import org.gatehouse.applications.ApplicationService;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.trade.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/assessments}: "what would this deal need?" — the application's body assessed
 * against the current ledger under the policy in force (or {@code ?policy=ID}); nothing is stored.
 */
@RestController
class AssessmentController {

    private final ApplicationService applications;
    private final PolicyInForce policies;

    AssessmentController(ApplicationService applications, PolicyInForce policies) {
        this.applications = applications;
        this.policies = policies;
    }

    @PostMapping(path = "/api/v1/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> assess(
            CurrentUser caller,
            @RequestBody ApplicationForm body,
            @RequestParam(name = "policy", required = false) String policyId) {
        Policy policy = policyId == null
                ? null
                : policies.find(policyId)
                        .orElseThrow(() -> InvalidInputException.of(
                                "policy", "no such policy: " + policyId + "; GET /api/v1/policies lists them"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(applications
                        .dryRun(caller, ApplicationBinder.bind(body), policy)
                        .json());
    }
}
