package org.gatehouse.licensing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.Party;
import org.gatehouse.cases.LicenceCondition;
import org.gatehouse.licensing.Licence;
import org.gatehouse.licensing.LicenceFlag;
import org.gatehouse.policy.PolicyRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A licence as the API shows it: number, holder, state (as recorded, and as of today: a licence past its validity is
 * EXPIRED even before the job records it), version, validity, parties, destination and site, lines with what remains,
 * conditions, and the policy and assessment it came from (as the reader may see it).
 *
 * @param authorizedTpp the ledger compute of its lines, as a decimal string (it may exceed what JSON numbers hold)
 */
record LicenceView(
        String number,
        String applicationId,
        String holder,
        String state,
        String standing,
        long version,
        String issuedBy,
        Instant issuedAt,
        Instant updatedAt,
        LocalDate validFrom,
        LocalDate validUntil,
        String destination,
        String deploymentSite,
        String endUse,
        Parties parties,
        List<LineView> lines,
        String authorizedTpp,
        String shippedTpp,
        List<LicenceCondition> conditions,
        String officerConditions,
        PolicyRef policy,
        String tier,
        JsonNode assessment,
        List<FlagView> flags) {

    /** An open flag: shown until an officer clears it. */
    record FlagView(String id, String flag, String kind, String reason, String raisedBy, Instant raisedAt) {}

    /** The parties of the export. */
    record Parties(Party purchaser, List<Party> intermediateConsignees, Party ultimateConsignee, Party endUser) {}

    static LicenceView of(
            Licence licence, LocalDate today, String assessmentJson, JsonMapper json, List<LicenceFlag> flags) {
        ApplicationContent content = licence.content();
        return new LicenceView(
                licence.number().value(),
                licence.applicationId().toString(),
                licence.holder().toString(),
                licence.state().name(),
                licence.standing(today).name(),
                licence.version(),
                licence.issuedBy(),
                licence.issuedAt(),
                licence.updatedAt(),
                licence.validFrom(),
                licence.validUntil(),
                content.destination(),
                content.deploymentSite(),
                content.endUse(),
                new Parties(
                        content.purchaser(),
                        content.intermediateConsignees(),
                        content.ultimateConsignee(),
                        content.endUser()),
                LineView.of(licence.lines().lines()),
                Long.toString(licence.lines().tpp()),
                Long.toString(licence.lines().shippedTpp()),
                licence.conditions(),
                licence.officerConditions(),
                licence.policy(),
                licence.tier() == null ? null : licence.tier().name(),
                json.readTree(assessmentJson),
                flags.stream()
                        .map(f -> new FlagView(
                                f.id().toString(), f.flag(), f.kind(), f.reason(), f.raisedBy(), f.raisedAt()))
                        .toList());
    }
}
