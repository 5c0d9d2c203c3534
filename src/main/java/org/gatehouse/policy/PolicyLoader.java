package org.gatehouse.policy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.serialization.NodeReader;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.gatehouse.catalog.Catalog;
import org.gatehouse.catalog.Item;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.Gb300e;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a policy file (YAML or JSON), validates it against the published schema ({@code policy/policy.schema.json})
 * and then against the rules a schema cannot express (references, contiguous bands, every country in a class), and
 * compiles it into a {@link Policy}. Every problem is reported with the file, the line and the reason.
 */
public final class PolicyLoader {

    /** Largest policy file accepted. */
    public static final int POLICY_CHARS_MAX = 1_000_000;

    /** Resource path of the published schema. */
    public static final String SCHEMA_RESOURCE = "/policy/policy.schema.json";

    private static final Schema SCHEMA = loadSchema();
    private static final NodeReader READER = NodeReader.builder()
            .yamlMapper(YAMLMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .locationAware()
            .build();

    private final Catalog catalog;
    private final CountryGroups groups;

    public PolicyLoader(Catalog catalog, CountryGroups groups) {
        this.catalog = Objects.requireNonNull(catalog);
        this.groups = Objects.requireNonNull(groups);
    }

    /** A loader over the built-in catalogue and country groups. */
    public static PolicyLoader builtIn() {
        return new PolicyLoader(Catalog.builtIn(), CountryGroups.builtIn());
    }

    /** The published JSON Schema, as text. */
    public static String schemaText() {
        return resourceText(SCHEMA_RESOURCE);
    }

    /**
     * Loads a policy from its text.
     *
     * @param file name used in error messages and as the policy's origin
     * @throws PolicyException listing every problem with its line
     */
    public Policy load(String file, String text) {
        if (text.length() > POLICY_CHARS_MAX) {
            throw new PolicyException(file, 0, "file larger than " + POLICY_CHARS_MAX + " characters");
        }
        JsonNode root;
        try {
            root = READER.readTree(text, InputFormat.YAML);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new PolicyException(
                    file,
                    line,
                    "not valid YAML: "
                            + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (RuntimeException e) {
            throw new PolicyException(file, 0, "not valid YAML: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new PolicyException(file, 1, "the file is empty");
        }
        List<Error> errors = SCHEMA.validate(root);
        if (!errors.isEmpty()) {
            List<PolicyException.Problem> problems = new ArrayList<>();
            for (Error error : mostSpecific(errors)) {
                problems.add(new PolicyException.Problem(file, lineOf(root, error), describe(error)));
            }
            problems.sort(Comparator.comparingInt(PolicyException.Problem::line));
            throw new PolicyException(dedupe(problems));
        }
        return new Compiler(file, text, root).compile();
    }

    /** Loads a policy bundled as a class-path resource. */
    public Policy loadResource(String resource) {
        return load(resource, resourceText(resource));
    }

    /**
     * Drops the noise of {@code oneOf}: where one location has an {@code enum} error (a misspelt code), only that one is
     * kept; otherwise the {@code oneOf} summary is dropped in favour of the errors that explain it.
     */
    private static List<Error> mostSpecific(List<Error> errors) {
        Map<String, List<Error>> byLocation = new LinkedHashMap<>();
        for (Error error : errors) {
            byLocation
                    .computeIfAbsent(error.getInstanceLocation().toString(), k -> new ArrayList<>())
                    .add(error);
        }
        List<Error> kept = new ArrayList<>();
        for (List<Error> group : byLocation.values()) {
            List<Error> enums =
                    group.stream().filter(e -> "enum".equals(e.getKeyword())).toList();
            if (!enums.isEmpty()) {
                kept.addAll(enums);
                continue;
            }
            List<Error> specific =
                    group.stream().filter(e -> !"oneOf".equals(e.getKeyword())).toList();
            kept.addAll(specific.isEmpty() ? group : specific);
        }
        return kept;
    }

    private static List<PolicyException.Problem> dedupe(List<PolicyException.Problem> problems) {
        return problems.stream().distinct().toList();
    }

    private static String describe(Error error) {
        String where = error.getInstanceLocation().toString();
        String message = error.getMessage();
        if (message.startsWith(where)) {
            return message;
        }
        return (where.equals("$") ? "" : where + ": ") + message;
    }

    /** The line of the offending node: the unknown property itself when there is one, else the instance. */
    private static int lineOf(JsonNode root, Error error) {
        NodePath path = error.getInstanceLocation();
        if (error.getProperty() != null) {
            JsonNode at = nodeAt(root, path);
            if (at != null && at.get(error.getProperty()) != null) {
                return lineOf(at.get(error.getProperty()));
            }
        }
        return lineOf(root, path);
    }

    private static JsonNode nodeAt(JsonNode root, NodePath path) {
        JsonNode node = root;
        for (int i = 0; i < path.getNameCount() && node != null; i++) {
            Object element = path.getElement(i);
            node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
        }
        return node;
    }

    private static int lineOf(JsonNode root, NodePath path) {
        JsonNode node = root;
        JsonNode located = root;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            JsonNode next = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
            if (next == null) {
                break;
            }
            node = next;
            located = next;
        }
        return lineOf(located);
    }

    static int lineOf(JsonNode node) {
        if (node instanceof TokenStreamLocationAware aware && aware.tokenStreamLocation() != null) {
            return aware.tokenStreamLocation().getLineNr();
        }
        return 0;
    }

    private static Schema loadSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        return registry.getSchema(resourceText(SCHEMA_RESOURCE), InputFormat.JSON);
    }

    static String resourceText(String resource) {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(resource)) {
            Objects.requireNonNull(in, () -> "resource missing from the build: " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Canonical JSON of a tree: object keys sorted, no white space, numbers in their shortest exact form. */
    static String canonicalJson(JsonNode node) {
        StringBuilder out = new StringBuilder(4096);
        writeCanonical(node, out);
        return out.toString();
    }

    private static void writeCanonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                sorted.put(e.getKey(), e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                Json.string(e.getKey(), out);
                out.append(':');
                writeCanonical(e.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeCanonical(node.get(i), out);
            }
            out.append(']');
        } else if (node.isString()) {
            Json.string(node.stringValue(), out);
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            out.append(d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else {
            out.append("null");
        }
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Semantic checks and compilation of one schema-valid tree. */
    private final class Compiler {
        private final String file;
        private final String text;
        private final JsonNode root;
        private final List<PolicyException.Problem> problems = new ArrayList<>();
        private final Map<Requirement, Map<String, String>> parameters = new EnumMap<>(Requirement.class);
        private final Map<Requirement, Integer> parameterLines = new EnumMap<>(Requirement.class);
        private long referenceTpp = 1;

        Compiler(String file, String text, JsonNode root) {
            this.file = file;
            this.text = text;
            this.root = root;
        }

        Policy compile() {
            LocalDate from = date(root.get("effective").get("from"));
            JsonNode untilNode = root.get("effective").get("until");
            LocalDate until = untilNode == null || untilNode.isNull() ? null : date(untilNode);
            if (from != null && until != null && until.isBefore(from)) {
                problem(untilNode, "effective.until " + until + " is before effective.from " + from);
            }

            JsonNode reference = root.get("reference_item");
            String referenceName = reference.get("item").stringValue();
            Item referenceItem = catalog.find(referenceName).orElse(null);
            if (referenceItem == null) {
                problem(
                        reference.get("item"),
                        "reference_item.item: \"" + referenceName + "\" is not in the catalogue");
            }
            if (reference.has("tpp")) {
                referenceTpp = reference.get("tpp").longValue();
            } else if (referenceItem != null) {
                referenceTpp = referenceItem.tppPerUnit();
            }
            if (referenceItem != null) {
                referenceName = referenceItem.name();
            }

            List<Policy.Measure> measures = measures();
            Map<String, Policy.Measure> measuresById =
                    index(measures, Policy.Measure::id, root.get("measures"), "measure");
            List<Policy.Ladder> ladders = ladders(measuresById);
            Map<String, Policy.Ladder> laddersById = index(ladders, Policy.Ladder::id, root.get("ladders"), "ladder");
            List<Policy.DestinationClass> classes = classes(laddersById);
            index(classes, Policy.DestinationClass::id, root.get("destination_classes"), "destination class");
            if (problems.isEmpty()) {
                // Only on a policy whose references resolve: a missing ladder would make its tiers look unknown.
                checkCountedTiers(measures, classes);
            }
            int[] classByCountry = classByCountry(classes);
            List<Policy.Overlay> overlays = overlays();
            index(overlays, Policy.Overlay::id, root.path("overlays"), "overlay");
            List<ReviewPath> precedence = new ArrayList<>();
            for (JsonNode p : root.get("review_path_precedence")) {
                precedence.add(ReviewPath.valueOf(p.stringValue()));
            }
            long screening = requirements(root.path("screening_hit").path("requirements"));
            JsonNode steps = root.path("procedure");
            Policy.Procedure defaults = Policy.Procedure.DEFAULTS;
            Policy.Procedure procedure = new Policy.Procedure(
                    steps.path("first_action_days").asInt(defaults.firstActionDays()),
                    steps.path("agency_answer_days").asInt(defaults.agencyAnswerDays()),
                    steps.path("resolution_days").asInt(defaults.resolutionDays()),
                    steps.path("licence_validity_years").asInt(defaults.licenceValidityYears()),
                    steps.path("notification_days").asInt(defaults.notificationDays()),
                    steps.path("exemption_lapse_days").asInt(defaults.exemptionLapseDays()),
                    steps.path("revenue_share_due_days").asInt(defaults.revenueShareDueDays()));

            if (!problems.isEmpty()) {
                problems.sort(Comparator.comparingInt(PolicyException.Problem::line));
                throw new PolicyException(problems);
            }
            List<Policy.Source> sources = new ArrayList<>();
            for (JsonNode s : root.get("sources")) {
                sources.add(new Policy.Source(
                        s.get("title").stringValue(), optionalText(s, "reference"), optionalText(s, "note")));
            }
            List<String> assumptions = new ArrayList<>();
            for (JsonNode a : root.get("assumptions")) {
                assumptions.add(a.stringValue());
            }
            String canonical = canonicalJson(root);
            return new Policy(
                    root.get("id").stringValue(),
                    root.get("version").stringValue(),
                    root.get("title").stringValue(),
                    optionalText(root, "summary"),
                    sha256(canonical),
                    file,
                    text,
                    canonical,
                    from,
                    until,
                    referenceName,
                    referenceTpp,
                    sources,
                    assumptions,
                    classes,
                    measures,
                    ladders,
                    overlays,
                    precedence,
                    screening,
                    parameters,
                    procedure,
                    classByCountry);
        }

        private List<Policy.Measure> measures() {
            List<Policy.Measure> measures = new ArrayList<>();
            for (JsonNode m : root.get("measures")) {
                List<Policy.KeyPart> key = new ArrayList<>();
                for (JsonNode k : m.get("key")) {
                    key.add(Policy.KeyPart.valueOf(k.stringValue().toUpperCase(Locale.ROOT)));
                }
                JsonNode window = m.get("window");
                Policy.Window type =
                        Policy.Window.valueOf(window.get("type").stringValue().toUpperCase(Locale.ROOT));
                int months = window.path("months").asInt(0);
                List<Policy.Bucket> buckets = new ArrayList<>();
                for (JsonNode b : m.get("counts").get("buckets")) {
                    buckets.add(Policy.Bucket.valueOf(b.stringValue().toUpperCase(Locale.ROOT)));
                }
                boolean exempt = false;
                boolean licensed = false;
                for (JsonNode o : m.get("counts").get("outcomes")) {
                    exempt |= o.stringValue().equals("EXEMPT");
                    licensed |= o.stringValue().equals("LICENSE_REQUIRED");
                }
                List<String> tiers = new ArrayList<>();
                for (JsonNode t : m.get("counts").path("tiers")) {
                    tiers.add(t.stringValue());
                }
                measures.add(new Policy.Measure(
                        measures.size(),
                        m.get("id").stringValue(),
                        optionalText(m, "description"),
                        List.copyOf(key),
                        type,
                        months,
                        List.copyOf(buckets),
                        exempt,
                        licensed,
                        tiers));
            }
            return measures;
        }

        private List<Policy.Ladder> ladders(Map<String, Policy.Measure> measures) {
            List<Policy.Ladder> ladders = new ArrayList<>();
            for (JsonNode l : root.get("ladders")) {
                String id = l.get("id").stringValue();
                Policy.Measure measure = null;
                if (l.has("measure")) {
                    measure = measures.get(l.get("measure").stringValue());
                    if (measure == null) {
                        problem(
                                l.get("measure"),
                                "ladder " + id + ": measure \""
                                        + l.get("measure").stringValue()
                                        + "\" is not defined (defined: " + String.join(", ", measures.keySet())
                                        + ")");
                    }
                } else if (l.get("bands").size() > 1) {
                    problem(
                            l.get("bands").get(1),
                            "ladder " + id + " has no measure, so it must have a single band (for any amount); add a"
                                    + " measure to split it into bands");
                }
                Policy.Applies applies = l.has("applies")
                        ? Policy.Applies.valueOf(l.get("applies").stringValue().toUpperCase(Locale.ROOT))
                        : Policy.Applies.ALWAYS;
                List<Policy.Band> bands = new ArrayList<>();
                Policy.Bound previousUpper = null;
                boolean first = true;
                for (JsonNode b : l.get("bands")) {
                    Policy.Bound lower = bound(b.get("lower"));
                    Policy.Bound upper = bound(b.get("upper"));
                    String tier = b.get("tier").stringValue();
                    if (first) {
                        if (lower != null && !(lower.tpp() == 0 && lower.inclusive())) {
                            problem(
                                    b.get("lower"),
                                    "ladder " + id + ": the first band must start at zero (omit lower)");
                        }
                    } else if (previousUpper == null) {
                        problem(b, "ladder " + id + ": band " + tier + " follows a band without an upper bound");
                    } else if (lower == null
                            || lower.tpp() != previousUpper.tpp()
                            || lower.inclusive() == previousUpper.inclusive()) {
                        problem(
                                b.has("lower") ? b.get("lower") : b,
                                "ladder " + id + ": band " + tier
                                        + " must start where the previous band ends (" + previousUpper.text() + ", "
                                        + (previousUpper.inclusive() ? "exclusive" : "inclusive")
                                        + ") so that bands neither overlap nor leave a gap");
                    }
                    if (lower != null
                            && upper != null
                            && (upper.tpp() < lower.tpp()
                                    || (upper.tpp() == lower.tpp() && !(upper.inclusive() && lower.inclusive())))) {
                        problem(
                                b,
                                "ladder " + id + ": band " + tier + " is empty (" + lower.text() + " to " + upper.text()
                                        + ")");
                    }
                    ReviewPath path = b.has("review_path")
                            ? ReviewPath.valueOf(b.get("review_path").stringValue())
                            : null;
                    if (path == ReviewPath.EXEMPT) {
                        problem(
                                b.get("review_path"),
                                "ladder " + id + ": band " + tier
                                        + ": write exemptions as an exemption block, not review_path EXEMPT");
                    }
                    if (path == null && b.has("exemption")) {
                        problem(
                                b,
                                "ladder " + id + ": band " + tier
                                        + " has an exemption but no review_path for when it does not apply");
                    }
                    long requirements = requirements(b.path("requirements"));
                    boolean exemption = b.has("exemption");
                    long exemptionRequirements =
                            requirements(b.path("exemption").path("requirements"));
                    bands.add(
                            new Policy.Band(tier, lower, upper, path, requirements, exemption, exemptionRequirements));
                    previousUpper = upper;
                    first = false;
                }
                if (previousUpper != null) {
                    problem(
                            l.get("bands").get(l.get("bands").size() - 1).get("upper"),
                            "ladder " + id + ": the last band must have no upper bound, so every amount has a band");
                }
                ladders.add(new Policy.Ladder(id, measure, applies, List.copyOf(bands)));
            }
            return ladders;
        }

        /**
         * A measure's {@code counts.tiers} must name tiers an assessment can have (tiers of the bands of the ladders
         * that give the tier), and one that counts only exemptions must name a tier a band can exempt in: a typo
         * would otherwise count nothing, silently.
         */
        private void checkCountedTiers(List<Policy.Measure> measures, List<Policy.DestinationClass> classes) {
            Map<String, Boolean> exemptingByTier = new TreeMap<>();
            for (Policy.DestinationClass c : classes) {
                if (c.ladders().isEmpty()) {
                    continue;
                }
                for (Policy.Band band : c.ladders().getFirst().bands()) {
                    exemptingByTier.merge(
                            band.tier(), band.exemptionAvailable() && c.exemptionAllowed(), Boolean::logicalOr);
                }
            }
            JsonNode nodes = root.get("measures");
            for (int i = 0; i < measures.size(); i++) {
                Policy.Measure measure = measures.get(i);
                JsonNode tiers = nodes.get(i).get("counts").path("tiers");
                for (int t = 0; t < measure.tiers().size(); t++) {
                    String tier = measure.tiers().get(t);
                    Boolean exempting = exemptingByTier.get(tier);
                    if (exempting == null) {
                        problem(
                                tiers.get(t),
                                "measure " + measure.id() + ": counts.tiers: \"" + tier
                                        + "\" is not a tier an assessment can have (the tiers of the first ladder of"
                                        + " each class: " + String.join(", ", exemptingByTier.keySet()) + ")");
                    } else if (!exempting && !measure.countsLicensed()) {
                        problem(
                                tiers.get(t),
                                "measure " + measure.id() + ": counts only EXEMPT assessments, but no band of tier "
                                        + tier + " can exempt (an exemption, in a class that allows exemptions), so"
                                        + " it would count nothing");
                    }
                }
            }
        }

        private Policy.Bound bound(JsonNode node) {
            if (node == null) {
                return null;
            }
            long value = node.get("value").longValue();
            String unit = node.has("unit") ? node.get("unit").stringValue() : "reference";
            long unitTpp;
            String unitText;
            if (unit.equals("reference")) {
                unitTpp = referenceTpp;
                unitText = "GB300e";
            } else if (unit.equals("TPP")) {
                unitTpp = 1;
                unitText = "TPP";
            } else {
                Item item = catalog.find(unit).orElse(null);
                if (item == null) {
                    problem(node.get("unit"), "unit \"" + unit + "\" is neither reference, TPP nor a catalogue item");
                    return new Policy.Bound(0, true, "?");
                }
                unitTpp = item.tppPerUnit();
                unitText = item.name() + "e";
            }
            long tpp;
            try {
                tpp = Math.multiplyExact(value, unitTpp);
            } catch (ArithmeticException e) {
                problem(node.get("value"), "bound " + value + " " + unit + " is too large");
                return new Policy.Bound(0, true, "?");
            }
            String text = value + " " + unitText;
            if (unitTpp != 1 && !unit.equals("reference")) {
                text += " (" + tpp + " TPP, " + Gb300e.format(tpp, referenceTpp) + " GB300e)";
            }
            return new Policy.Bound(tpp, node.get("inclusive").booleanValue(), text);
        }

        private List<Policy.DestinationClass> classes(Map<String, Policy.Ladder> ladders) {
            List<Policy.DestinationClass> classes = new ArrayList<>();
            for (JsonNode c : root.get("destination_classes")) {
                String id = c.get("id").stringValue();
                DestinationSet members = destinations(c.get("members"), "destination class " + id);
                Policy.Treatment treatment = Policy.Treatment.valueOf(
                        c.get("treatment").stringValue().toUpperCase(Locale.ROOT));
                List<Policy.Ladder> used = new ArrayList<>();
                for (JsonNode l : c.path("ladders")) {
                    Policy.Ladder ladder = ladders.get(l.stringValue());
                    if (ladder == null) {
                        problem(
                                l,
                                "destination class " + id + ": ladder \"" + l.stringValue()
                                        + "\" is not defined (defined: " + String.join(", ", ladders.keySet()) + ")");
                    } else {
                        used.add(ladder);
                    }
                }
                if (!used.isEmpty() && used.getFirst().applies() != Policy.Applies.ALWAYS) {
                    problem(
                            c.get("ladders"),
                            "destination class " + id + ": the first ladder gives the tier and must apply always");
                }
                if (!used.isEmpty() && used.getFirst().bands().stream().anyMatch(b -> b.reviewPath() == null)) {
                    problem(
                            c.get("ladders"),
                            "destination class " + id + ": every band of ladder "
                                    + used.getFirst().id() + " needs a review_path, because it gives the tier");
                }
                ReviewPath path = c.has("review_path")
                        ? ReviewPath.valueOf(c.get("review_path").stringValue())
                        : null;
                classes.add(new Policy.DestinationClass(
                        classes.size(),
                        id,
                        members,
                        treatment,
                        c.path("exemption_allowed").asBoolean(false),
                        path,
                        requirements(c.path("requirements")),
                        List.copyOf(used),
                        optionalText(c, "note")));
            }
            return classes;
        }

        private int[] classByCountry(List<Policy.DestinationClass> classes) {
            int[] table = new int[CountryCode.INDEX_SIZE];
            Arrays.fill(table, -1);
            for (Policy.DestinationClass c : classes) {
                if (c.members() == null) {
                    continue;
                }
                boolean[] members = c.members().table();
                for (int i = 0; i < table.length; i++) {
                    if (table[i] < 0 && members[i]) {
                        table[i] = c.index();
                    }
                }
            }
            List<String> missing = new ArrayList<>();
            for (CountryCode country : CountryCode.all()) {
                if (table[country.index()] < 0) {
                    missing.add(country.value());
                }
            }
            if (!missing.isEmpty() && problems.isEmpty()) {
                problem(
                        root.get("destination_classes"),
                        "destination_classes: " + missing.size()
                                + " countries have no class (e.g. "
                                + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                                + "); end with a class whose members are \"*\"");
            }
            return table;
        }

        private List<Policy.Overlay> overlays() {
            List<Policy.Overlay> overlays = new ArrayList<>();
            for (JsonNode o : root.path("overlays")) {
                String id = o.get("id").stringValue();
                JsonNode effective = o.path("effective");
                LocalDate from = effective.hasNonNull("from") ? date(effective.get("from")) : null;
                LocalDate until = effective.hasNonNull("until") ? date(effective.get("until")) : null;
                long replaces = 0;
                for (JsonNode r : o.path("replaces")) {
                    replaces |= 1L << ReviewPath.valueOf(r.stringValue()).ordinal();
                }
                ReviewPath path = o.has("review_path")
                        ? ReviewPath.valueOf(o.get("review_path").stringValue())
                        : null;
                overlays.add(new Policy.Overlay(
                        overlays.size(),
                        id,
                        o.get("title").stringValue(),
                        from,
                        until,
                        destinations(o.get("destinations"), "overlay " + id),
                        range(o.path("items").path("tpp")),
                        range(o.path("items").path("memory_bandwidth_gbs")),
                        Policy.LineMatch.valueOf(o.get("lines").stringValue().toUpperCase(Locale.ROOT)),
                        replaces,
                        path,
                        requirements(o.path("requirements"))));
            }
            return overlays;
        }

        private Policy.Range range(JsonNode node) {
            if (node.isMissingNode()) {
                return null;
            }
            Long below = node.has("below") ? node.get("below").longValue() : null;
            Long atLeast = node.has("at_least") ? node.get("at_least").longValue() : null;
            return new Policy.Range(below, atLeast);
        }

        private DestinationSet destinations(JsonNode node, String owner) {
            try {
                return DestinationSet.parse(node.stringValue(), groups);
            } catch (IllegalArgumentException e) {
                problem(node, owner + ": " + e.getMessage());
                return null;
            }
        }

        private long requirements(JsonNode list) {
            long mask = 0;
            for (JsonNode r : list) {
                Requirement code = Requirement.valueOf(
                        r.isString() ? r.stringValue() : r.get("code").stringValue());
                mask |= code.bit();
                Map<String, String> params = new LinkedHashMap<>();
                if (r.isObject()) {
                    for (Map.Entry<String, JsonNode> p : r.get("parameters").properties()) {
                        JsonNode v = p.getValue();
                        params.put(
                                p.getKey(),
                                v.isString()
                                        ? v.stringValue()
                                        : v.decimalValue().toPlainString());
                    }
                }
                Map<String, String> known = parameters.get(code);
                if (known == null) {
                    parameters.put(code, Map.copyOf(params));
                    parameterLines.put(code, lineOf(r));
                } else if (!known.equals(params)) {
                    problem(
                            r,
                            code + " has parameters " + params + " here but " + known + " on line "
                                    + parameterLines.get(code) + "; a code has one set of parameters per policy");
                }
            }
            return mask;
        }

        private LocalDate date(JsonNode node) {
            try {
                return LocalDate.parse(node.stringValue());
            } catch (DateTimeParseException e) {
                problem(node, "\"" + node.stringValue() + "\" is not a date (yyyy-mm-dd)");
                return null;
            }
        }

        private <T> Map<String, T> index(
                List<T> values, java.util.function.Function<T, String> id, JsonNode nodes, String what) {
            Map<String, T> byId = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                String key = id.apply(values.get(i));
                if (byId.put(key, values.get(i)) != null) {
                    problem(nodes.get(i), what + " id \"" + key + "\" is used twice");
                }
            }
            return byId;
        }

        private void problem(JsonNode node, String reason) {
            problems.add(new PolicyException.Problem(file, node == null ? 0 : lineOf(node), reason));
        }

        private static String optionalText(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.stringValue();
        }
    }
}
