package org.gatehouse.lab.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.analysis.Summary;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.lab.PolicyLab;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.Policy;
import org.gatehouse.system.FieldErrors;
import org.gatehouse.system.WebPage;
import org.gatehouse.trade.Gb300e;
import org.gatehouse.trade.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /lab}: the policy lab. A deal file (or the pending pipeline) is compared under the chosen policies; the page
 * shows each policy's summary side by side and the first {@link #ROWS_SHOWN} rows, and the same request sent to
 * {@code /lab/compare.csv} answers every row as a CSV file. Limits and who may are {@link PolicyLab}'s.
 */
@Controller
@WebPage
class PolicyLabPages {

    /** Rows shown on the page; the CSV has all of them. */
    static final int ROWS_SHOWN = 200;

    private static final String VIEW = "lab/lab";

    private final PolicyLab lab;

    PolicyLabPages(PolicyLab lab) {
        this.lab = lab;
    }

    /** A row as shown: its number, id, and per policy one cell (or the error). */
    public record Row(long row, String id, List<String> cells, String error) {}

    /** One policy's summary as shown. */
    public record Column(Policy policy, Summary summary, String gb300e) {}

    @GetMapping("/lab")
    String form(CurrentUser caller, Model model) {
        model(model, caller, List.of(lab.policies(caller).getFirst().id()), "file", FieldErrors.none());
        return VIEW;
    }

    @PostMapping("/lab")
    String compare(
            CurrentUser caller,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) List<String> policies,
            Model model) {
        String chosenSource = "pipeline".equals(source) ? "pipeline" : "file";
        model(model, caller, policies == null ? List.of() : policies, chosenSource, FieldErrors.none());
        List<Row> rows = new ArrayList<>();
        try {
            PolicyLab.Comparison comparison = lab.compare(caller, source(chosenSource, file), policies, compared -> {
                if (rows.size() < ROWS_SHOWN) {
                    rows.add(row(compared));
                }
            });
            model.addAttribute("comparison", comparison);
            List<Column> columns = new ArrayList<>();
            for (Summary summary : comparison.summaries()) {
                columns.add(new Column(
                        summary.policy(),
                        summary,
                        summary.gb300e(summary.total().tpp())));
            }
            model.addAttribute("columns", columns);
            model.addAttribute("rows", rows);
            model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", FieldErrors.of(refused));
        }
        return VIEW;
    }

    /** Every row of the comparison as CSV: one column group per policy; refused input answers the page instead. */
    @PostMapping("/lab/compare.csv")
    String csv(
            CurrentUser caller,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) List<String> policies,
            HttpServletResponse response,
            Model model)
            throws IOException {
        String chosenSource = "pipeline".equals(source) ? "pipeline" : "file";
        PolicyLab.Source deals;
        try {
            deals = source(chosenSource, file);
        } catch (InvalidInputException refused) {
            model(model, caller, policies == null ? List.of() : policies, chosenSource, FieldErrors.of(refused));
            return VIEW;
        }
        // The file is written as rows are assessed; it is started at the first row, so that input refused before
        // any row (no policy, an unreadable header) still answers the page. A problem found later (too many rows)
        // ends the file with a line saying so, since its status has been sent.
        List<String> distinct =
                policies == null ? List.of() : policies.stream().distinct().toList();
        Writer[] out = {null};
        try {
            lab.compare(caller, deals, policies, compared -> {
                try {
                    csvRow(start(out, response, distinct), compared, distinct.size());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            start(out, response, distinct);
        } catch (InvalidInputException refused) {
            if (out[0] == null) {
                model(model, caller, policies == null ? List.of() : policies, chosenSource, FieldErrors.of(refused));
                return VIEW;
            }
            out[0].write("# stopped: " + cell(refused.getMessage()) + "\r\n");
        }
        out[0].flush();
        return null;
    }

    /** The CSV response's writer, its headers and first line written when it is first asked for. */
    private static Writer start(Writer[] out, HttpServletResponse response, List<String> policies) throws IOException {
        if (out[0] == null) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"gatehouse-comparison.csv\"");
            response.setHeader("Cache-Control", "no-store");
            out[0] = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            header(out[0], policies);
        }
        return out[0];
    }

    private static PolicyLab.Source source(String source, MultipartFile file) {
        if ("pipeline".equals(source)) {
            return new PolicyLab.Source.Pipeline();
        }
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "choose a deal file (CSV or JSON Lines)");
        }
        if (file.getSize() > PolicyLab.FILE_BYTES_MAX) {
            throw InvalidInputException.of(
                    "file",
                    "is larger than " + PolicyLab.FILE_BYTES_MAX / (1024 * 1024)
                            + " MiB; split it or use gatehouse compare");
        }
        try {
            String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
            return new PolicyLab.Source.File(name, file.getBytes());
        } catch (IOException e) {
            throw InvalidInputException.of("file", "could not be received; try again");
        }
    }

    private void model(Model model, CurrentUser caller, List<String> chosen, String source, FieldErrors errors) {
        model.addAttribute("policies", lab.policies(caller));
        model.addAttribute("chosen", chosen);
        model.addAttribute("source", source);
        model.addAttribute("errors", errors);
        model.addAttribute("fileBytesMax", PolicyLab.FILE_BYTES_MAX);
        model.addAttribute("rowsMax", PolicyLab.ROWS_MAX);
        model.addAttribute("rowsShown", ROWS_SHOWN);
        // What to offer: the pipeline holds every organization's applications (the service checks again).
        model.addAttribute(
                "mayUsePipeline",
                caller.roles().contains(Role.OFFICER) || caller.roles().contains(Role.AUDITOR));
    }

    private static Row row(PolicyLab.Compared compared) {
        List<String> cells = new ArrayList<>(compared.results().size());
        for (Assessment a : compared.results()) {
            cells.add(a.outcome()
                    + (a.tier() == null ? "" : " · " + a.tier())
                    + (a.reviewPath() == null ? "" : " · " + a.reviewPath()));
        }
        return new Row(compared.row(), compared.id(), cells, compared.error());
    }

    private static void header(Writer out, List<String> policies) throws IOException {
        StringBuilder line = new StringBuilder("row,id");
        for (String policy : policies) {
            for (String field :
                    List.of("outcome", "tier", "review_path", "gb300e", "measure_after_gb300e", "requirements")) {
                line.append(',').append(cell(policy + ":" + field));
            }
        }
        out.write(line.append(",error\r\n").toString());
    }

    private static void csvRow(Writer out, PolicyLab.Compared compared, int policies) throws IOException {
        StringBuilder line =
                new StringBuilder().append(compared.row()).append(',').append(cell(compared.id()));
        if (compared.error() != null) {
            line.append(",,,,,,".repeat(policies)).append(',').append(cell(compared.error()));
            out.write(line.append("\r\n").toString());
            return;
        }
        for (Assessment a : compared.results()) {
            long reference = a.facts().policy().referenceTpp();
            line.append(',').append(a.outcome());
            line.append(',').append(a.tier() == null ? "" : cell(a.tier()));
            line.append(',').append(a.reviewPath() == null ? "" : a.reviewPath().name());
            line.append(',').append(Gb300e.format(a.facts().controlledTpp(), reference));
            line.append(',').append(a.measureAfterTpp() < 0 ? "" : Gb300e.format(a.measureAfterTpp(), reference));
            line.append(',')
                    .append(cell(String.join(
                            " ", a.requirements().stream().map(Enum::name).toList())));
        }
        out.write(line.append(",\r\n").toString());
    }

    /**
     * A CSV cell: quoted when it holds a separator, a quote or a line break; a text that a spreadsheet would take for a
     * formula (=, +, -, @) is prefixed with an apostrophe, so opening the file runs nothing.
     */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        String value = text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            value = '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
