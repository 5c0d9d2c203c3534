package org.gatehouse.ledger.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.ledger.CountryTotals;
import org.gatehouse.ledger.Ledger;
import org.gatehouse.ledger.NationalCompute;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.system.WebPage;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.Gb300e;
import org.gatehouse.trade.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /compute}: the national compute totals (SPEC §5) for the licensing authority, the reviewing agencies and
 * auditors ({@link NationalCompute} checks): a table per country, sortable by every column, and a page per country
 * with its largest companies and each one's distance to the government-to-government line of the policy in force.
 * Each chart is drawn by {@code /js/charts.js} from the JSON in its {@code data-chart} attribute, beside a table with
 * the same figures (its text alternative).
 */
@Controller
@WebPage
class NationalComputePages {

    /** Countries drawn in the national chart (the table lists all). */
    static final int CHART_COUNTRIES = 15;

    /** Companies listed on a country's page. */
    static final int TOP_COMPANIES = 20;

    /** The orders the country table can be shown in. */
    enum Column {
        COUNTRY,
        RESERVED,
        AUTHORIZED,
        SHIPPED,
        TOTAL
    }

    /** A row of figures in GB300e, as shown. */
    public record Row(
            String code,
            String name,
            String company,
            String reserved,
            String authorized,
            String shipped,
            String total,
            String distance,
            boolean crossed) {}

    private final NationalCompute nationalCompute;
    private final PolicyInForce policies;
    private final Clock clock;
    private final JsonMapper json;

    NationalComputePages(NationalCompute nationalCompute, PolicyInForce policies, Clock clock, JsonMapper json) {
        this.nationalCompute = nationalCompute;
        this.policies = policies;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/compute")
    String countries(
            CurrentUser caller,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        Column column = Column.TOTAL;
        for (Column c : Column.values()) {
            if (c.name().equalsIgnoreCase(sort == null ? "" : sort)) {
                column = c;
            }
        }
        boolean descending = dir == null ? column != Column.COUNTRY : !"asc".equals(dir);
        List<CountryTotals> countries = new ArrayList<>(nationalCompute.countries(caller));
        Comparator<CountryTotals> order = switch (column) {
            case COUNTRY -> Comparator.comparing(t -> name(t.destination()));
            case RESERVED -> Comparator.comparingLong(CountryTotals::reservedTpp);
            case AUTHORIZED -> Comparator.comparingLong(CountryTotals::authorizedTpp);
            case SHIPPED -> Comparator.comparingLong(CountryTotals::shippedTpp);
            case TOTAL -> Comparator.comparingLong(CountryTotals::totalTpp);
        };
        countries.sort((descending ? order.reversed() : order).thenComparing(CountryTotals::destination));
        Policy policy = policies.on(LocalDate.now(clock));
        long reference = policy.referenceTpp();
        List<Row> rows = countries.stream().map(t -> row(t, reference, null)).toList();
        List<CountryTotals> largest = countries.stream()
                .sorted(Comparator.comparingLong(CountryTotals::totalTpp)
                        .reversed()
                        .thenComparing(CountryTotals::destination))
                .limit(CHART_COUNTRIES)
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("sort", column.name().toLowerCase(Locale.ROOT));
        model.addAttribute("descending", descending);
        model.addAttribute(
                "total",
                Gb300e.format(
                        countries.stream().mapToLong(CountryTotals::totalTpp).reduce(0, Math::addExact), reference));
        model.addAttribute("policy", policy);
        model.addAttribute("chart", chart(largest, reference, t -> name(t.destination()), null));
        model.addAttribute("chartCountries", largest.size());
        return "compute/countries";
    }

    @GetMapping("/compute/{code}")
    String country(CurrentUser caller, @PathVariable String code, Model model) {
        CountryCode destination;
        try {
            destination = CountryCode.of(code);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("country", code);
        }
        NationalCompute.CountryView view =
                nationalCompute.country(caller, destination, Math.min(TOP_COMPANIES, Ledger.TOP_COMPANIES_MAX));
        Policy policy = policies.on(LocalDate.now(clock));
        long reference = policy.referenceTpp();
        Optional<GovernmentLine> line = GovernmentLine.of(policy);
        model.addAttribute("code", destination.value());
        model.addAttribute("name", name(destination.value()));
        model.addAttribute("totals", row(view.totals(), reference, null));
        model.addAttribute(
                "companies",
                view.topCompanies().stream()
                        .map(t -> row(t, reference, line.orElse(null)))
                        .toList());
        model.addAttribute("policy", policy);
        model.addAttribute("line", line.orElse(null));
        model.addAttribute("lineGb300e", line.map(GovernmentLine::boundGb300e).orElse(null));
        model.addAttribute("chart", chart(view.topCompanies(), reference, CountryTotals::company, line.orElse(null)));
        return "compute/country";
    }

    static Row row(CountryTotals t, long reference, GovernmentLine line) {
        return new Row(
                t.destination(),
                name(t.destination()),
                t.company(),
                Gb300e.format(t.reservedTpp(), reference),
                Gb300e.format(t.authorizedTpp(), reference),
                Gb300e.format(t.shippedTpp(), reference),
                Gb300e.format(t.totalTpp(), reference),
                line == null ? null : line.distanceGb300e(t),
                line != null && line.crossed(t));
    }

    /** A stacked horizontal bar chart of the three buckets, as the JSON that charts.js reads. */
    private String chart(
            List<CountryTotals> bars,
            long reference,
            java.util.function.Function<CountryTotals, String> label,
            GovernmentLine line) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", bars.stream().map(label).toList());
        chart.put(
                "datasets",
                List.of(
                        dataset("Reserved (pending applications)", bars, CountryTotals::reservedTpp, reference),
                        dataset("Authorized (licensed, not shipped)", bars, CountryTotals::authorizedTpp, reference),
                        dataset("Shipped", bars, CountryTotals::shippedTpp, reference)));
        chart.put("axis", "GB300-equivalents");
        if (line != null) {
            chart.put("threshold", Gb300e.of(line.boundTpp(), reference));
            chart.put("thresholdLabel", line.tier() + " line: " + line.boundText());
        }
        return json.writeValueAsString(chart);
    }

    private static Map<String, Object> dataset(
            String label,
            List<CountryTotals> bars,
            java.util.function.ToLongFunction<CountryTotals> bucket,
            long reference) {
        List<BigDecimal> values = bars.stream()
                .map(t -> Gb300e.of(bucket.applyAsLong(t), reference))
                .toList();
        return Map.of("label", label, "data", values);
    }

    /** A country's English name ("Saudi Arabia"), or its code when Java knows none. */
    static String name(String code) {
        String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(code) ? code : name;
    }
}
