package org.gatehouse.policy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gatehouse.trade.CountryCode;

/**
 * A loaded, validated policy (SPEC §3): destination classes, measures, ladders of bands, overlays and the precedence
 * of review paths, compiled into lookup tables so the assessor does no parsing or searching per deal. Built only by
 * {@link PolicyLoader}; identified by id, version and the SHA-256 of its canonical form.
 */
public final class Policy {

    /** Where a policy came from and what it claims to encode. */
    public record Source(String title, String reference, String note) {}

    /**
     * Deadlines and periods of the licensing procedure (SPEC §6.2, §6.3, §7): calendar days, years for a licence.
     *
     * @param firstActionDays refer, hold or return within this many days of registration
     * @param agencyAnswerDays each agency answers within this many days of its referral
     * @param resolutionDays resolve within this many days of registration
     * @param licenceValidityYears a licence is valid this many years from its issue
     * @param notificationDays a post-shipment notification is due this many days after the shipment
     * @param exemptionLapseDays an exemption not shipped within this many days of its registration lapses
     * @param revenueShareDueDays revenue share for a quarter is due this many days after the quarter ends
     */
    public record Procedure(
            int firstActionDays,
            int agencyAnswerDays,
            int resolutionDays,
            int licenceValidityYears,
            int notificationDays,
            int exemptionLapseDays,
            int revenueShareDueDays) {

        /** Executive Order 12981's deadlines (9, 30, 90 days), licences for 4 years, notifications within 30 days. */
        public static final Procedure DEFAULTS = new Procedure(9, 30, 90, 4, 30, 365, 30);
    }

    /** What a destination class does with an application. */
    public enum Treatment {
        /** No licence needed under this policy (e.g. domestic). */
        NOT_CONTROLLED,
        /** No licence can be granted. */
        PROHIBITED,
        /** Ladders, overlays and review paths decide. */
        ASSESS
    }

    /** A class of destinations; the first class whose members include the destination applies. */
    public record DestinationClass(
            int index,
            String id,
            DestinationSet members,
            Treatment treatment,
            boolean exemptionAllowed,
            ReviewPath reviewPath,
            long requirements,
            List<Ladder> ladders,
            String note) {}

    /** A dimension of a measure's key. */
    public enum KeyPart {
        END_USER_PARENT,
        END_USER,
        DESTINATION
    }

    /** Which earlier amounts a measure adds up. */
    public enum Window {
        NONE,
        CALENDAR_YEAR,
        ROLLING_MONTHS
    }

    /** A ledger bucket (SPEC §5). */
    public enum Bucket {
        RESERVED,
        AUTHORIZED,
        SHIPPED
    }

    /**
     * An aggregate the tier is decided on (SPEC §3.2): a key, a window, and what counts.
     *
     * @param tiers when not empty, only earlier assessments in one of these tiers count (e.g. only exports exempted in
     *     tier LPP use up the LPP allowance); empty: any tier
     */
    public record Measure(
            int index,
            String id,
            String description,
            List<KeyPart> key,
            Window window,
            int windowMonths,
            List<Bucket> buckets,
            boolean countsExempt,
            boolean countsLicensed,
            List<String> tiers) {

        public Measure {
            tiers = List.copyOf(tiers);
        }

        /** Whether an earlier assessment with this outcome adds to the measure, whatever its tier. */
        public boolean counts(Outcome outcome) {
            return switch (outcome) {
                case EXEMPT -> countsExempt;
                case LICENSE_REQUIRED -> countsLicensed;
                case NOT_CONTROLLED, PROHIBITED -> false;
            };
        }

        /** Whether an earlier assessment with this outcome, in this tier, adds to the measure. */
        public boolean counts(Outcome outcome, String tier) {
            return counts(outcome) && (tiers.isEmpty() || tiers.contains(tier));
        }

        /** Whether the key has this dimension. */
        public boolean keyedBy(KeyPart part) {
            return key.contains(part);
        }
    }

    /** One end of a band, in exact TPP; {@code text} is how the policy wrote it ("1000 GB300e"). */
    public record Bound(long tpp, boolean inclusive, String text) {}

    /** A band of a ladder: the measure range it covers and what it requires. */
    public record Band(
            String tier,
            Bound lower,
            Bound upper,
            ReviewPath reviewPath,
            long requirements,
            boolean exemptionAvailable,
            long exemptionRequirements) {

        /** Whether a measure of {@code tpp} falls in this band. */
        public boolean contains(long tpp) {
            if (lower != null && (lower.inclusive() ? tpp < lower.tpp() : tpp <= lower.tpp())) {
                return false;
            }
            return upper == null || (upper.inclusive() ? tpp <= upper.tpp() : tpp < upper.tpp());
        }

        /** The range in words: "≥ 1000 GB300e and ≤ 200000 GB300e". */
        public String rangeText() {
            String low = lower == null ? null : (lower.inclusive() ? "≥ " : "> ") + lower.text();
            String high = upper == null ? null : (upper.inclusive() ? "≤ " : "< ") + upper.text();
            if (low == null && high == null) {
                return "any amount";
            }
            if (low == null) {
                return high;
            }
            return high == null ? low : low + " and " + high;
        }
    }

    /** Whether a ladder is evaluated for every application or only for those that are not exempt. */
    public enum Applies {
        ALWAYS,
        WHEN_NOT_EXEMPT
    }

    /**
     * Ordered, contiguous bands over one measure.
     *
     * @param measure the measure the bands are over, or {@code null} for a ladder without one: it then has a single band
     *     for any amount, and assessments it gives the tier of report no measure
     */
    public record Ladder(String id, Measure measure, Applies applies, List<Band> bands) {

        /** Whether the ladder's band depends on a measure (and the ledger is read for it). */
        public boolean hasMeasure() {
            return measure != null;
        }

        /** The band holding {@code tpp}; bands cover zero to infinity, so there always is one. */
        public Band bandFor(long tpp) {
            for (int i = 0, n = bands.size(); i < n; i++) {
                Band band = bands.get(i);
                if (band.contains(tpp)) {
                    return band;
                }
            }
            throw new IllegalStateException("ladder " + id + " has no band for " + tpp + " TPP");
        }
    }

    /** Which lines of an application must match an overlay's item conditions. */
    public enum LineMatch {
        ALL,
        ANY
    }

    /** A per-chip condition ({@code below} exclusive, {@code atLeast} inclusive); {@code null} bounds are absent. */
    public record Range(Long below, Long atLeast) {
        boolean test(long value) {
            return (below == null || value < below) && (atLeast == null || value >= atLeast);
        }

        String text(String what) {
            String a = below == null ? null : what + " < " + below;
            String b = atLeast == null ? null : what + " ≥ " + atLeast;
            return a == null ? b : b == null ? a : a + " and " + b;
        }
    }

    /** A destination- and item-specific rule that adds requirements or changes the review path (SPEC §3.4). */
    public record Overlay(
            int index,
            String id,
            String title,
            LocalDate from,
            LocalDate until,
            DestinationSet destinations,
            Range tpp,
            Range memoryBandwidthGbs,
            LineMatch lines,
            long replaces,
            ReviewPath reviewPath,
            long requirements) {

        /** Whether a chip with this TPP and bandwidth (0 = unknown) meets the item conditions. */
        public boolean matchesChip(long chipTpp, long bandwidthGbs) {
            if (tpp != null && !tpp.test(chipTpp)) {
                return false;
            }
            return memoryBandwidthGbs == null || (bandwidthGbs > 0 && memoryBandwidthGbs.test(bandwidthGbs));
        }

        /** Whether the overlay is in force on this date. */
        public boolean inForce(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (until == null || !date.isAfter(until));
        }

        /** The item conditions in words. */
        public String conditionText() {
            String a = tpp == null ? null : tpp.text("TPP");
            String b = memoryBandwidthGbs == null ? null : memoryBandwidthGbs.text("memory bandwidth GB/s");
            if (a == null && b == null) {
                return "any controlled item";
            }
            return a == null ? b : b == null ? a : a + " and " + b;
        }
    }

    final String id;
    final String version;
    final String title;
    final String summary;
    final String sha256;
    final String origin;
    final String sourceText;
    final String canonicalJson;
    final LocalDate effectiveFrom;
    final LocalDate effectiveUntil;
    final String referenceItem;
    final long referenceTpp;
    final List<Source> sources;
    final List<String> assumptions;
    final List<DestinationClass> classes;
    final List<Measure> measures;
    final List<Ladder> ladders;
    final List<Overlay> overlays;
    final List<ReviewPath> precedence;
    final long screeningRequirements;
    final Map<Requirement, Map<String, String>> parameters;
    final Procedure procedure;
    /** Class index per {@link CountryCode#index()}. */
    final int[] classByCountry;
    /** Rank per {@link ReviewPath#ordinal()}: 0 is the most restrictive. */
    final int[] rankByPath;
    /** Overlays whose destinations include the country, per {@link CountryCode#index()}. */
    final Overlay[][] overlaysByCountry;

    Policy(
            String id,
            String version,
            String title,
            String summary,
            String sha256,
            String origin,
            String sourceText,
            String canonicalJson,
            LocalDate effectiveFrom,
            LocalDate effectiveUntil,
            String referenceItem,
            long referenceTpp,
            List<Source> sources,
            List<String> assumptions,
            List<DestinationClass> classes,
            List<Measure> measures,
            List<Ladder> ladders,
            List<Overlay> overlays,
            List<ReviewPath> precedence,
            long screeningRequirements,
            Map<Requirement, Map<String, String>> parameters,
            Procedure procedure,
            int[] classByCountry) {
        this.id = Objects.requireNonNull(id);
        this.version = version;
        this.title = title;
        this.summary = summary;
        this.sha256 = sha256;
        this.origin = origin;
        this.sourceText = sourceText;
        this.canonicalJson = canonicalJson;
        this.effectiveFrom = effectiveFrom;
        this.effectiveUntil = effectiveUntil;
        this.referenceItem = referenceItem;
        this.referenceTpp = referenceTpp;
        this.sources = List.copyOf(sources);
        this.assumptions = List.copyOf(assumptions);
        this.classes = List.copyOf(classes);
        this.measures = List.copyOf(measures);
        this.ladders = List.copyOf(ladders);
        this.overlays = List.copyOf(overlays);
        this.precedence = List.copyOf(precedence);
        this.screeningRequirements = screeningRequirements;
        this.parameters = new EnumMap<>(Requirement.class);
        this.parameters.putAll(parameters);
        this.procedure = Objects.requireNonNull(procedure, "procedure");
        this.classByCountry = classByCountry.clone();
        this.rankByPath = new int[ReviewPath.values().length];
        for (int i = 0; i < precedence.size(); i++) {
            rankByPath[precedence.get(i).ordinal()] = i;
        }
        this.overlaysByCountry = new Overlay[CountryCode.INDEX_SIZE][];
        for (int c = 0; c < CountryCode.INDEX_SIZE; c++) {
            final int country = c;
            overlaysByCountry[c] = overlays.stream()
                    .filter(o -> o.destinations().table()[country])
                    .toArray(Overlay[]::new);
        }
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public String title() {
        return title;
    }

    /** A paragraph saying what the policy does, or {@code null}. */
    public String summary() {
        return summary;
    }

    /** SHA-256 (hex) of the canonical form: recorded with every assessment. */
    public String sha256() {
        return sha256;
    }

    /** File or resource the policy was loaded from. */
    public String origin() {
        return origin;
    }

    /** The text as written (YAML). */
    public String sourceText() {
        return sourceText;
    }

    /** The canonical form: JSON with sorted keys and no insignificant white space; comments and layout are gone. */
    public String canonicalJson() {
        return canonicalJson;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    /** Last day in force, or {@code null} when open-ended. */
    public LocalDate effectiveUntil() {
        return effectiveUntil;
    }

    /** Whether the policy is in force on this date. */
    public boolean inForce(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }

    /** Name of the item GB300-equivalents are counted in. */
    public String referenceItem() {
        return referenceItem;
    }

    /** TPP of one reference unit (60,000 for the GB300 by default). */
    public long referenceTpp() {
        return referenceTpp;
    }

    public List<Source> sources() {
        return sources;
    }

    public List<String> assumptions() {
        return assumptions;
    }

    public List<DestinationClass> destinationClasses() {
        return classes;
    }

    public List<Measure> measures() {
        return measures;
    }

    public List<Ladder> ladders() {
        return ladders;
    }

    public List<Overlay> overlays() {
        return overlays;
    }

    /** Review paths, most restrictive first. */
    public List<ReviewPath> precedence() {
        return precedence;
    }

    /** The class a destination falls in. */
    public DestinationClass classOf(CountryCode destination) {
        return classes.get(classByCountry[destination.index()]);
    }

    /** The parameters the policy attaches to a requirement code (empty when none). */
    public Map<String, String> parameters(Requirement requirement) {
        return parameters.getOrDefault(requirement, Map.of());
    }

    /** The deadlines and periods of the licensing procedure under this policy. */
    public Procedure procedure() {
        return procedure;
    }

    /** Requirement codes in a requirement set, in the order of SPEC §4. */
    public static List<Requirement> requirements(long mask) {
        return Requirement.listOf(mask);
    }

    @Override
    public String toString() {
        return id + " v" + version + " (" + sha256.substring(0, 12) + ")";
    }
}
