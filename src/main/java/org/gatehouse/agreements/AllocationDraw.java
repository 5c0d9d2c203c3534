package org.gatehouse.agreements;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.cases.ApprovalRefusedException;
import org.gatehouse.cases.ApprovalStep;
import org.gatehouse.cases.ApprovedCase;
import org.gatehouse.policy.Requirement;
import org.gatehouse.trade.Gb300e;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a tier-3 approval's compute from its destination's agreement allocation, inside the approval's transaction
 * (SPEC §7): a case whose assessment requires G2G_AGREEMENT draws the TPP the approval authorizes from the agreement in
 * force with its destination, when that agreement has an allocation. The draw is one guarded update
 * ({@link Agreements#draw}), so approvals racing for the last of an allocation never take more than it holds: the
 * loser is refused with what is left, and its whole approval rolls back.
 */
@Component
class AllocationDraw implements ApprovalStep {

    private final Agreements agreements;
    private final AuditLog audit;
    private final JsonMapper json;

    AllocationDraw(Agreements agreements, AuditLog audit, JsonMapper json) {
        this.agreements = agreements;
        this.audit = audit;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void approving(ApprovedCase approved) {
        if (!requires(approved.assessmentJson(), Requirement.G2G_AGREEMENT)
                || approved.authorizedTpp().isZero()) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(approved.approvedAt(), ZoneOffset.UTC);
        Optional<Agreement> inForce = agreements.forCountry(approved.content().destinationCode()).stream()
                .filter(a -> a.inForceOn(day))
                .findFirst();
        if (inForce.isEmpty()) {
            throw new ApprovalRefusedException(List.of("G2G_AGREEMENT: no agreement with "
                    + approved.content().destinationCode() + " is in force on " + day));
        }
        Agreement agreement = inForce.get();
        Allocation allocation = agreement.allocation();
        if (allocation == null) {
            return; // the agreement allocates no compute: nothing to draw from, nothing to exceed
        }
        long tpp = approved.authorizedTpp().value();
        OptionalLong drawn = agreements.draw(
                agreement.id(), approved.applicationId(), tpp, approved.approvedBy(), approved.approvedAt());
        if (drawn.isEmpty()) {
            long left = Math.max(0, allocation.tpp() - agreements.drawnTpp(agreement.id()));
            throw new ApprovalRefusedException(List.of("the compute allocation of agreement '"
                    + agreement.terms().title() + "' (" + agreement.id() + ") is " + allocation.gb300e()
                    + " GB300e, of which " + Gb300e.format(left, allocation.referenceTpp())
                    + " GB300e are left; this approval needs " + Gb300e.format(tpp, allocation.referenceTpp())
                    + " GB300e"));
        }
        audit.append(AgreementAudit.allocation(
                approved.approvedBy(),
                "agreement.allocation_drawn",
                agreement.id(),
                drawn.getAsLong() - tpp,
                drawn.getAsLong(),
                Map.of("application", approved.applicationId().toString(), "tpp", tpp)));
    }

    /** Whether the assessment (its SPEC §4 JSON form) lists {@code requirement}. */
    private boolean requires(String assessmentJson, Requirement requirement) {
        JsonNode requirements = json.readTree(assessmentJson).get("requirements");
        if (requirements == null) {
            return false;
        }
        for (JsonNode code : requirements) {
            if (requirement.name().equals(code.asString())) {
                return true;
            }
        }
        return false;
    }
}
