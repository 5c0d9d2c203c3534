package org.gatehouse.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.gatehouse.catalog.Catalog;
import org.gatehouse.catalog.Item;
import org.gatehouse.policy.Json;
import org.gatehouse.policy.Policies;
import org.gatehouse.trade.Gb300e;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse catalog}: the accelerators and systems Gatehouse knows, with TPP, PD, GB300e and ECCN. */
@Command(
        name = "catalog",
        description = "List catalogue items with TPP, performance density, GB300e and ECCN.",
        mixinStandardHelpOptions = true)
final class CatalogCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        table,
        json
    }

    @Option(
            names = "--format",
            defaultValue = "table",
            paramLabel = "table|json",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long reference = Policies.builtIn().defaultPolicy().referenceTpp();
        if (format == Format.table) {
            out.printf(
                    "%-17s %-7s %8s %10s %8s %10s %10s  %s%n",
                    "ITEM", "VENDOR", "CHIPS", "TPP", "PD", "BW_GB/S", "GB300E", "ECCN");
        }
        for (Item item : Catalog.builtIn().items()) {
            String eccn =
                    item.eccn().code() == null ? "not controlled" : item.eccn().code();
            String gb300e = Gb300e.format(item.tppPerUnit(), reference);
            if (format == Format.table) {
                out.printf(
                        "%-17s %-7s %8d %10d %8s %10d %10s  %s%n",
                        item.name(),
                        item.accelerator().vendor(),
                        item.acceleratorsPerUnit(),
                        item.tppPerUnit(),
                        item.accelerator().performanceDensity().toPlainString(),
                        item.accelerator().memoryBandwidthGbs(),
                        gb300e,
                        eccn);
            } else {
                StringBuilder json = new StringBuilder("{\"item\":");
                Json.string(item.name(), json);
                json.append(",\"vendor\":");
                Json.string(item.accelerator().vendor(), json);
                json.append(",\"system\":").append(item.system()).append(",\"accelerator\":");
                Json.string(item.accelerator().name(), json);
                json.append(",\"accelerators_per_unit\":")
                        .append(item.acceleratorsPerUnit())
                        .append(",\"tpp\":")
                        .append(item.tppPerUnit())
                        .append(",\"pd\":\"")
                        .append(item.accelerator().performanceDensity().toPlainString())
                        .append("\",\"memory_bandwidth_gbs\":")
                        .append(item.accelerator().memoryBandwidthGbs())
                        .append(",\"gb300e\":\"")
                        .append(gb300e)
                        .append("\",\"controlled\":")
                        .append(item.controlled())
                        .append(",\"eccn\":");
                Json.string(item.eccn().code(), json);
                out.println(json.append('}'));
            }
        }
        if (format == Format.table) {
            out.printf(
                    "%nTPP per unit (chips × chip TPP); GB300E = TPP ÷ %d. Controlled: TPP ≥ 4800, or TPP ≥ 1600 and PD ≥ 5.92.%n",
                    reference);
        }
        out.flush();
        return 0;
    }
}
