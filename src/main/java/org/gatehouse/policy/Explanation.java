package org.gatehouse.policy;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gatehouse.catalog.Accelerator;
import org.gatehouse.catalog.Eccn;
import org.gatehouse.catalog.Item;
import org.gatehouse.trade.Gb300e;

/**
 * Renders why an assessment came out as it did, in sentences a compliance officer can check by hand: each line's
 * classification, the destination class, each measure (before + this deal = after, in GB300e and exact TPP; none for
 * a ladder without a measure), the band reached, each overlay that applied or not, and the review path chosen. Built
 * on demand, so assessing stays cheap when nobody reads it.
 */
public final class Explanation {

    /** Sentences that depend only on a policy, per policy (kept by identity: policies are few and long-lived). */
    private static final Map<Policy, Sentences> SENTENCES = new ConcurrentHashMap<>();

    /** The sentences of one policy: per class and per band built at once, closing ones on first use. */
    private static final class Sentences {
        final Map<Object, String> fixed = new IdentityHashMap<>();
        final Map<Long, String> closing = new ConcurrentHashMap<>();

        Sentences(Policy policy) {
            for (Policy.DestinationClass c : policy.destinationClasses()) {
                fixed.put(c, classSentence(c));
            }
            for (Policy.Ladder l : policy.ladders()) {
                for (Policy.Band b : l.bands()) {
                    fixed.put(b, bandSentence(l, b));
                }
            }
        }
    }

    private Explanation() {}

    /** The explanation of {@code assessment}, every figure shown. */
    public static List<String> of(Assessment assessment) {
        return of(assessment, Disclosure.EVERYTHING);
    }

    /** The explanation of {@code assessment} with the figures {@code disclosure} lets its reader see. */
    public static List<String> of(Assessment assessment, Disclosure disclosure) {
        Assessment.Facts facts = assessment.facts();
        Policy policy = facts.policy();
        Deal deal = facts.deal();
        Sentences sentences = SENTENCES.computeIfAbsent(policy, Sentences::new);
        List<String> out = new ArrayList<>();
        for (Line line : deal.lines()) {
            out.add(line(line, policy));
        }
        Policy.DestinationClass c = facts.destinationClass();
        out.add("Destination " + deal.destination() + sentences.fixed.get(c));
        if (facts.controlledTpp() == 0) {
            out.add("No line is controlled (3A090.a/4A090.a): no licence is needed under these rules.");
        }
        List<Tally> tallies = facts.tallies();
        for (int tallyIndex = 0; tallyIndex < tallies.size(); tallyIndex++) {
            Tally tally = tallies.get(tallyIndex);
            if (tally.measured()) {
                out.add(measure(tally, facts, policy, disclosure, tallyIndex));
            }
            out.add(sentences.fixed.get(tally.band()));
        }
        overlays(facts, policy, out);
        switch (assessment) {
            case Assessment.Exempt e ->
                out.add("Exempt: band " + e.tier() + " allows an exemption, class " + c.id()
                        + " allows exemptions, there is no screening hit and no stricter review path applies"
                        + requirementsText(e.requirementMask()) + ".");
            case Assessment.LicenseRequired l -> {
                Tally primary = facts.primary();
                if (primary.band().exemptionAvailable()) {
                    out.add("No exemption: " + whyNotExempt(deal, c) + ".");
                }
                out.add(sentences.closing.computeIfAbsent(
                        (l.requirementMask() << 3) | l.reviewPath().ordinal(),
                        k -> "Licence required; review path " + l.reviewPath()
                                + " (the most restrictive applicable, in the order "
                                + String.join(
                                        " > ",
                                        policy.precedence().stream()
                                                .map(Enum::name)
                                                .toList()) + ")"
                                + requirementsText(l.requirementMask()) + "."));
            }
            case Assessment.Prohibited p -> out.add("Prohibited: no licence can be granted for class " + c.id() + ".");
            case Assessment.NotControlled n -> {}
        }
        if (!policy.inForce(facts.date())) {
            out.add("Note: policy " + policy.id() + " is in force from " + policy.effectiveFrom()
                    + (policy.effectiveUntil() == null ? "" : " until " + policy.effectiveUntil())
                    + "; this deal dated "
                    + facts.date() + " was assessed as if it were.");
        }
        return out;
    }

    /** " is in class …: treatment." — the part of the destination sentence that depends only on the class. */
    private static String classSentence(Policy.DestinationClass c) {
        return " is in class " + c.id() + " (" + c.members().expression() + "): " + treatment(c);
    }

    private static String bandSentence(Policy.Ladder ladder, Policy.Band band) {
        return "Band " + band.tier() + " of ladder " + ladder.id() + " ("
                + (ladder.hasMeasure() ? band.rangeText() : "no measure: any amount") + ")"
                + (band.reviewPath() == null ? " adds no review path" : ": review " + band.reviewPath())
                + requirementsText(band.requirements()) + ".";
    }

    private static String whyNotExempt(Deal deal, Policy.DestinationClass c) {
        if (!c.exemptionAllowed()) {
            return "class " + c.id() + " does not allow exemptions";
        }
        if (deal.screeningHit()) {
            return "a screening hit blocks the exemption";
        }
        return "a stricter review path applies";
    }

    private static String treatment(Policy.DestinationClass c) {
        String text = switch (c.treatment()) {
            case NOT_CONTROLLED -> "not controlled by this policy";
            case PROHIBITED -> "prohibited";
            case ASSESS ->
                "licence required" + (c.exemptionAllowed() ? ", exemptions possible" : ", no exemption")
                        + (c.reviewPath() == null ? "" : ", review path " + c.reviewPath());
        };
        return text + (c.note() == null ? "." : ". " + c.note());
    }

    static String line(Line line, Policy policy) {
        Item item = line.item();
        Accelerator chip = item.accelerator();
        StringBuilder s = new StringBuilder(160);
        s.append(item.name()).append(" × ").append(line.quantity());
        if (item.system()) {
            s.append(" = ")
                    .append(line.quantity() * item.acceleratorsPerUnit())
                    .append(' ')
                    .append(chip.name());
        }
        if (chip.custom()) {
            s.append(" (not in the catalogue; described as TPP ")
                    .append(chip.tpp())
                    .append(", PD ")
                    .append(chip.performanceDensity().toPlainString())
                    .append(')');
        }
        s.append(": TPP ").append(chip.tpp());
        if (chip.tpp() >= Eccn.TPP_CONTROLLED) {
            s.append(" ≥ ").append(Eccn.TPP_CONTROLLED);
        } else if (item.controlled()) {
            s.append(" ≥ ")
                    .append(Eccn.TPP_DENSE_CONTROLLED)
                    .append(" and PD ")
                    .append(chip.performanceDensity().toPlainString())
                    .append(" ≥ ")
                    .append(Eccn.PD_DENSE_CONTROLLED.toPlainString());
        } else {
            s.append(" < ")
                    .append(Eccn.TPP_CONTROLLED)
                    .append(" and (TPP < ")
                    .append(Eccn.TPP_DENSE_CONTROLLED)
                    .append(" or PD ")
                    .append(chip.performanceDensity().toPlainString())
                    .append(" < ")
                    .append(Eccn.PD_DENSE_CONTROLLED.toPlainString())
                    .append(')');
        }
        if (item.controlled()) {
            s.append(": controlled (")
                    .append(item.eccn().code())
                    .append("), ")
                    .append(Gb300e.format(line.tpp(), policy.referenceTpp()))
                    .append(" GB300e");
        } else {
            s.append(": not controlled, not counted");
        }
        return s.toString();
    }

    private static String measure(
            Tally tally, Assessment.Facts facts, Policy policy, Disclosure disclosure, int tallyIndex) {
        Policy.Measure m = tally.ladder().measure();
        MeasureKey key = tally.key();
        List<String> parts = new ArrayList<>(3);
        List<String> keys = new ArrayList<>(2);
        if (key.endUserParent() != null) {
            parts.add(facts.deal().endUserParent().display());
            keys.add("company key \"" + key.endUserParent() + "\"");
        }
        if (key.endUser() != null) {
            parts.add(facts.deal().endUser().display());
            keys.add("end-user key \"" + key.endUser() + "\"");
        }
        if (key.destination() != null) {
            parts.add(key.destination().value());
        }
        if (key.year() != 0) {
            parts.add(String.valueOf(key.year()));
        }
        long ref = policy.referenceTpp();
        String measured = "Measure " + m.id() + " for (" + String.join(", ", parts) + ")"
                + (keys.isEmpty() ? "" : ", counted under the " + String.join(" and the ", keys));
        return switch (disclosure) {
            case Disclosure.Everything all ->
                measured + ": " + Gb300e.format(tally.beforeTpp(), ref) + " GB300e already counted + "
                        + Gb300e.format(facts.controlledTpp(), ref) + " GB300e in this application = "
                        + Gb300e.format(tally.afterTpp(), ref) + " GB300e (" + tally.afterTpp() + " TPP)"
                        + tierFilter(m) + ".";
            case Disclosure.OwnFilings own ->
                measured + ": " + Gb300e.format(own.ownBeforeTpp().get(tallyIndex), ref)
                        + " GB300e already counted from your organization's filings + "
                        + Gb300e.format(facts.controlledTpp(), ref) + " GB300e in this application"
                        + tierFilter(m) + "; filings of other organizations under the same key are counted too, and"
                        + " decide the band with yours, but are not shown to you.";
        };
    }

    /** Says which earlier assessments a measure with {@code counts.tiers} left out, so the total can be checked. */
    private static String tierFilter(Policy.Measure m) {
        if (m.tiers().isEmpty()) {
            return "";
        }
        String outcomes = m.countsExempt() && m.countsLicensed()
                ? "EXEMPT or LICENSE_REQUIRED"
                : m.countsExempt() ? "EXEMPT" : "LICENSE_REQUIRED";
        return "; only earlier " + outcomes + " assessments in tier " + String.join(" or ", m.tiers()) + " count";
    }

    private static void overlays(Assessment.Facts facts, Policy policy, List<String> out) {
        if (facts.controlledTpp() == 0 || facts.tallies().isEmpty()) {
            return;
        }
        for (Policy.Overlay o : policy.overlays()) {
            if (!o.destinations().contains(facts.deal().destination())) {
                continue;
            }
            if ((facts.overlays() & (1L << o.index())) != 0) {
                StringBuilder s = new StringBuilder("Overlay ")
                        .append(o.id())
                        .append(" (")
                        .append(o.title())
                        .append(") applies: ")
                        .append(o.lines() == Policy.LineMatch.ALL ? "every" : "a")
                        .append(" controlled line has ")
                        .append(o.conditionText());
                if (o.replaces() != 0 && o.reviewPath() != null) {
                    s.append("; replaces ")
                            .append(paths(o.replaces()))
                            .append(" with ")
                            .append(o.reviewPath());
                } else if (o.reviewPath() != null) {
                    s.append("; adds review path ").append(o.reviewPath());
                }
                out.add(s.append(requirementsText(o.requirements())).append('.').toString());
            } else if (!o.inForce(facts.date())) {
                out.add("Overlay " + o.id() + " is not in force on " + facts.date() + ".");
            } else {
                out.add("Overlay " + o.id() + " does not apply: it needs "
                        + (o.lines() == Policy.LineMatch.ALL ? "every" : "a") + " controlled line to have "
                        + o.conditionText() + ", and " + offending(o, facts.deal()) + ".");
            }
        }
    }

    private static String offending(Policy.Overlay o, Deal deal) {
        List<String> names = new ArrayList<>();
        for (Line line : deal.lines()) {
            Accelerator chip = line.item().accelerator();
            if (line.item().controlled() && !o.matchesChip(chip.tpp(), chip.memoryBandwidthGbs())) {
                names.add(chip.name() + " (TPP " + chip.tpp() + ", "
                        + (chip.hasMemoryBandwidth() ? chip.memoryBandwidthGbs() + " GB/s" : "bandwidth unknown")
                        + ")");
            }
        }
        return names.isEmpty() ? "no controlled line does" : String.join(", ", names) + " does not";
    }

    private static String paths(long mask) {
        List<String> names = new ArrayList<>();
        for (ReviewPath p : ReviewPath.values()) {
            if ((mask & (1L << p.ordinal())) != 0) {
                names.add(p.name());
            }
        }
        return String.join(", ", names);
    }

    private static String requirementsText(long mask) {
        if (mask == 0) {
            return "";
        }
        return "; requires "
                + String.join(
                        ", ", Requirement.listOf(mask).stream().map(Enum::name).toList());
    }
}
