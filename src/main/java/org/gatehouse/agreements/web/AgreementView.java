package org.gatehouse.agreements.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.agreements.Agreement;
import org.gatehouse.agreements.AgreementService;
import org.gatehouse.agreements.Allocation;
import org.gatehouse.agreements.Standing;
import org.gatehouse.trade.Gb300e;

/**
 * An agreement as the API shows it: its terms and status, security commitments, investment schedule with what is
 * realized, its standing today (with every shortfall in dollars and its tranche) and its compute allocation. Money is
 * written as decimal strings with two places, exact.
 */
record AgreementView(
        String id,
        String country,
        String title,
        List<String> signatories,
        String status,
        long version,
        LocalDate signedOn,
        LocalDate inForceOn,
        LocalDate terminatedOn,
        String terminationReason,
        List<CommitmentView> securityCommitments,
        InvestmentView investment,
        StandingView standing,
        AllocationView allocation,
        Instant changedAt,
        String changedBy) {

    record CommitmentView(int number, String text, String status, String note, Instant changedAt, String changedBy) {}

    record InvestmentView(
            String pledgedUsd,
            String matchingRatio,
            String homeInvestmentUsd,
            String requiredUsd,
            String scheduledUsd,
            String realizedUsd,
            List<TrancheView> tranches) {}

    record TrancheView(
            int number,
            LocalDate dueOn,
            String amountUsd,
            String realizedUsd,
            String outstandingUsd,
            List<RealizationView> realizations) {}

    record RealizationView(String amountUsd, LocalDate realizedOn, String evidenceSha256, Instant recordedAt) {}

    record StandingView(
            LocalDate on,
            boolean inGoodStanding,
            boolean inForce,
            List<String> reasons,
            List<ShortfallView> shortfalls) {}

    record ShortfallView(int tranche, LocalDate dueOn, String amountUsd, String realizedUsd, String missingUsd) {}

    record AllocationView(
            long gb300e, long tpp, long drawnTpp, String drawnGb300e, String remainingGb300e, List<DrawView> draws) {}

    record DrawView(String application, long tpp, String gb300e, long returnedTpp, Instant drawnAt) {}

    static AgreementView of(AgreementService.Viewed viewed) {
        Agreement a = viewed.agreement();
        Standing s = viewed.standing();
        Allocation allocation = a.allocation();
        var i = a.investment();
        return new AgreementView(
                a.id().toString(),
                a.terms().country().value(),
                a.terms().title(),
                a.terms().signatories(),
                a.status().name(),
                a.version(),
                a.signedOn(),
                a.inForceOn(),
                a.terminatedOn(),
                a.terminationReason(),
                a.commitments().stream()
                        .map(c -> new CommitmentView(
                                c.number(), c.text(), c.status().name(), c.note(), c.changedAt(), c.changedBy()))
                        .toList(),
                new InvestmentView(
                        i.pledged().toString(),
                        i.matchingRatio().toPlainString(),
                        i.homeInvestment() == null ? null : i.homeInvestment().toString(),
                        i.required() == null ? null : i.required().toString(),
                        a.scheduled().toString(),
                        a.realized().toString(),
                        a.tranches().stream()
                                .map(t -> new TrancheView(
                                        t.number(),
                                        t.dueOn(),
                                        t.amount().toString(),
                                        t.realized().toString(),
                                        t.outstanding().toString(),
                                        t.realizations().stream()
                                                .map(r -> new RealizationView(
                                                        r.amount().toString(),
                                                        r.realizedOn(),
                                                        r.evidenceSha256(),
                                                        r.recordedAt()))
                                                .toList()))
                                .toList()),
                new StandingView(
                        s.on(),
                        s.good(),
                        s.inForce(),
                        s.reasons(),
                        s.shortfalls().stream()
                                .map(f -> new ShortfallView(
                                        f.tranche(),
                                        f.dueOn(),
                                        f.amount().toString(),
                                        f.realized().toString(),
                                        f.missing().toString()))
                                .toList()),
                allocation == null
                        ? null
                        : new AllocationView(
                                allocation.gb300e(),
                                allocation.tpp(),
                                viewed.drawnTpp(),
                                Gb300e.format(viewed.drawnTpp(), allocation.referenceTpp()),
                                Gb300e.format(
                                        Math.max(0, allocation.tpp() - viewed.drawnTpp()), allocation.referenceTpp()),
                                viewed.draws().stream()
                                        .map(d -> new DrawView(
                                                d.application().toString(),
                                                d.tpp(),
                                                Gb300e.format(d.tpp(), allocation.referenceTpp()),
                                                d.returnedTpp(),
                                                d.drawnAt()))
                                        .toList()),
                a.changedAt(),
                a.changedBy());
    }
}
