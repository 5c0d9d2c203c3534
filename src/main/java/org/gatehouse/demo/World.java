package org.gatehouse.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.gatehouse.agreements.CommitmentStatus;
import org.gatehouse.cases.Recommendation;
import org.gatehouse.identity.Agency;
import org.gatehouse.identity.OrganizationKind;
import org.gatehouse.identity.Role;
import org.gatehouse.preapproval.InspectionOutcome;
import org.gatehouse.screening.Disposition;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The demo world as the resource {@code demo/world.yaml} tells it: the organizations (and a user for those that act in
 * the story), then each application as a list of steps, each on a day relative to today.
 */
record World(List<Org> organizations, List<AgreementDef> agreements, List<Story> applications) {

    static final String RESOURCE = "/demo/world.yaml";

    /** An organization; {@code username} (with its display name and role) when someone of it acts in the story. */
    record Org(String name, OrganizationKind kind, Agency agency, String username, String displayName, Role role) {}

    /**
     * A government-to-government agreement: recorded on {@code signedDay} (days from today), in force on
     * {@code inForceDay}, with its security commitments and investment tranches.
     */
    record AgreementDef(
            String country,
            String title,
            List<String> signatories,
            BigDecimal pledgedUsd,
            BigDecimal homeInvestmentUsd,
            Long allocationGb300e,
            int signedDay,
            int inForceDay,
            List<CommitmentDef> commitments,
            List<TrancheDef> tranches) {}

    /** A security commitment and, when assessed, its status and the note that goes with it. */
    record CommitmentDef(String text, CommitmentStatus status, String note) {}

    /** An investment tranche due on {@code dueDay}; realized in full on {@code realizedDay} when that is given. */
    record TrancheDef(int dueDay, BigDecimal amountUsd, Integer realizedDay) {}

    /** A party as an application names it; the ultimate parent defaults to the party itself. */
    record PartyDef(String name, String parent, String country, String address) {}

    /** A line: an item of the catalogue (chip or system) and a quantity; a value for shipments. */
    record LineDef(String item, long quantity, BigDecimal valueUsd) {}

    /**
     * One application's story: filed by the user {@code exporter}, with its parties, destination, site, end use and
     * lines; {@code steps} happen in order, each {@code day} days from today (0 = today, earlier the same day).
     */
    record Story(
            String ref,
            String exporter,
            String story,
            PartyDef purchaser,
            List<PartyDef> consignees,
            PartyDef endUser,
            String destination,
            String site,
            String endUse,
            BigDecimal valueUsd,
            List<LineDef> lines,
            List<Step> steps) {}

    /**
     * A step: {@code step} names it (create, submit, assign, refer, recommend, hold, answer, evidence, return, approve,
     * deny, withdraw, ship, notify, disposition, preapprove, inspect); the other fields are its arguments where it has
     * any. {@code preapprove}: the exporter asks for a pre-approval of the end user in the destination and the officer
     * grants it ({@code grant: false}: it waits for review); {@code inspect}: an inspection of the end user's
     * pre-approved site is scheduled for day {@code due}, and recorded with {@code outcome} (and {@code text} as the
     * findings) when one is given.
     *
     * @param text the note, reasons, question or answer
     * @param due for a hold, the day (from today) the answer is due
     * @param shipped for a shipment or a notification, the day (from today) the goods left; the step's day if absent
     */
    record Step(
            int day,
            String step,
            List<Agency> agencies,
            Agency agency,
            Recommendation recommendation,
            String text,
            Integer due,
            Integer shipped,
            List<LineDef> lines,
            String conditions,
            Disposition disposition,
            Boolean testReport,
            Boolean grant,
            InspectionOutcome outcome) {}

    static World load() {
        YAMLMapper yaml = YAMLMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = World.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return yaml.readValue(in, World.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
