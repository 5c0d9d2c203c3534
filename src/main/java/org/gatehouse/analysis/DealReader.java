package org.gatehouse.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gatehouse.catalog.Accelerator;
import org.gatehouse.catalog.Catalog;
import org.gatehouse.catalog.CsvRecords;
import org.gatehouse.catalog.Item;
import org.gatehouse.policy.Deal;
import org.gatehouse.policy.Line;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a deal file (SPEC §4.1) one row at a time, in constant memory: CSV with a header (columns in any order, extra
 * columns ignored) or JSON Lines (one object per line, same field names). Each row becomes an {@link Deal}
 * with one line, or an {@link DealRow.Unreadable} naming every column that is wrong and why.
 */
public final class DealReader implements AutoCloseable {

    /** Columns every deal file must have. */
    public static final List<String> REQUIRED = List.of("id", "date", "end_user", "destination", "item", "quantity");
    /** Columns read when present. */
    public static final List<String> OPTIONAL =
            List.of("exporter", "end_user_parent", "unit_price_usd", "end_use", "tpp", "pd", "memory_bandwidth_gbs");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String file;
    private final Catalog catalog;
    private final BufferedReader in;
    private final boolean jsonLines;
    private CsvRecords csv;
    private int[] columns;
    private long row;
    private long jsonLine;
    private final Map<String, Item> itemCache = new HashMap<>();

    private static final int ID = 0,
            DATE = 1,
            END_USER = 2,
            DESTINATION = 3,
            ITEM = 4,
            QUANTITY = 5,
            EXPORTER = 6,
            PARENT = 7,
            PRICE = 8,
            END_USE = 9,
            TPP = 10,
            PD = 11,
            BANDWIDTH = 12;
    private static final List<String> ALL = concat(REQUIRED, OPTIONAL);

    private DealReader(String file, Reader reader, Catalog catalog) {
        this.file = file;
        this.catalog = catalog;
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        try {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            in.mark(4096);
            int c;
            int read = 0;
            do {
                c = in.read();
                read++;
            } while (c != -1 && Character.isWhitespace(c) && read < 4000);
            in.reset();
            this.jsonLines = c == '{';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!jsonLines) {
            readHeader();
        }
    }

    /**
     * Opens a deal file: JSON Lines when the first non-blank character is {@code {}, CSV otherwise.
     *
     * @throws DealFileException when a CSV header is missing or lacks a required column
     */
    public static DealReader open(String file, Reader reader, Catalog catalog) {
        return new DealReader(file, reader, catalog);
    }

    /** Whether the file is JSON Lines. */
    public boolean jsonLines() {
        return jsonLines;
    }

    private void readHeader() {
        csv = new CsvRecords(in);
        String[] header;
        try {
            header = csv.next();
        } catch (CsvRecords.MalformedCsvException e) {
            throw new DealFileException(file, e.line(), "header: " + e.getMessage());
        }
        if (header == null) {
            throw new DealFileException(
                    file,
                    1,
                    "the file is empty; expected a header line naming the columns " + String.join(",", REQUIRED));
        }
        columns = new int[ALL.size()];
        java.util.Arrays.fill(columns, -1);
        for (int i = 0; i < header.length; i++) {
            int known = ALL.indexOf(header[i].strip().toLowerCase(Locale.ROOT));
            if (known >= 0) {
                if (columns[known] >= 0) {
                    throw new DealFileException(file, 1, "header: column \"" + ALL.get(known) + "\" appears twice");
                }
                columns[known] = i;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < REQUIRED.size(); i++) {
            if (columns[i] < 0) {
                missing.add(REQUIRED.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new DealFileException(
                    file,
                    1,
                    "header: missing required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                            + " (required: " + String.join(",", REQUIRED) + ")");
        }
    }

    /** The next row, or {@code null} at the end of the file. */
    public DealRow next() {
        return jsonLines ? nextJson() : nextCsv();
    }

    private DealRow nextCsv() {
        String[] record;
        try {
            do {
                record = csv.next();
            } while (record != null && blank(record));
        } catch (CsvRecords.MalformedCsvException e) {
            row++;
            // The rest of the file cannot be split into records reliably after a broken quote.
            DealRow failed = new DealRow.Unreadable(row, e.line(), null, "not valid CSV: " + e.getMessage());
            csv = new CsvRecords(new java.io.StringReader(""));
            return failed;
        }
        if (record == null) {
            return null;
        }
        row++;
        String[] values = new String[ALL.size()];
        for (int i = 0; i < values.length; i++) {
            int column = columns[i];
            values[i] = column >= 0 && column < record.length ? record[column] : null;
        }
        return toRow(values, csv.recordStartLine());
    }

    private DealRow nextJson() {
        String text;
        try {
            do {
                text = in.readLine();
                jsonLine++;
            } while (text != null && text.isBlank());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text == null) {
            return null;
        }
        row++;
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            return new DealRow.Unreadable(
                    row,
                    jsonLine,
                    null,
                    "not valid JSON: "
                            + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) {
            return new DealRow.Unreadable(row, jsonLine, null, "not a JSON object");
        }
        String[] values = new String[ALL.size()];
        List<String> wrongTypes = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            JsonNode value = node.get(ALL.get(i));
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isString()) {
                values[i] = value.stringValue();
            } else if (value.isNumber()) {
                values[i] = value.isIntegralNumber()
                        ? value.bigIntegerValue().toString()
                        : value.decimalValue().toPlainString();
            } else {
                wrongTypes.add(ALL.get(i) + ": must be a string or a number, got "
                        + value.getNodeType().name().toLowerCase(Locale.ROOT));
            }
        }
        if (!wrongTypes.isEmpty()) {
            return new DealRow.Unreadable(row, jsonLine, values[ID], String.join("; ", wrongTypes));
        }
        return toRow(values, jsonLine);
    }

    private DealRow toRow(String[] v, long line) {
        List<String> errors = null;
        String id = trimmed(v[ID]);
        if (id == null) {
            errors = add(errors, "id: must not be empty");
        } else if (id.length() > Deal.ID_CHARS_MAX) {
            errors = add(errors, "id: longer than " + Deal.ID_CHARS_MAX + " characters");
        }
        LocalDate date = null;
        String dateText = trimmed(v[DATE]);
        if (dateText == null) {
            errors = add(errors, "date: must not be empty (yyyy-mm-dd)");
        } else {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                errors = add(errors, "date: must be an ISO date yyyy-mm-dd, got " + quote(dateText));
            }
        }
        CompanyName endUser = null;
        try {
            endUser = CompanyName.of(v[END_USER]);
        } catch (IllegalArgumentException e) {
            errors = add(errors, "end_user: " + e.getMessage());
        }
        CompanyName parent = null;
        if (trimmed(v[PARENT]) != null) {
            try {
                parent = CompanyName.of(v[PARENT]);
            } catch (IllegalArgumentException e) {
                errors = add(errors, "end_user_parent: " + e.getMessage());
            }
        }
        CountryCode destination = null;
        String destinationText = trimmed(v[DESTINATION]);
        try {
            destination = CountryCode.of(destinationText == null ? null : destinationText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors = add(
                    errors, "destination: must be an ISO 3166-1 alpha-2 country code, got " + quote(destinationText));
        }
        long quantity = positive(v[QUANTITY], Line.QUANTITY_MAX);
        if (quantity < 0) {
            errors = add(
                    errors,
                    "quantity: must be a positive integer ≤ " + Line.QUANTITY_MAX + ", got " + quote(v[QUANTITY]));
        }
        String price = trimmed(v[PRICE]);
        if (price != null) {
            try {
                if (new BigDecimal(price).signum() < 0) {
                    errors = add(errors, "unit_price_usd: must not be negative, got " + quote(price));
                }
            } catch (NumberFormatException e) {
                errors = add(errors, "unit_price_usd: must be a decimal number, got " + quote(price));
            }
        }
        Item item = null;
        String itemName = trimmed(v[ITEM]);
        if (itemName == null) {
            errors = add(errors, "item: must not be empty");
        } else {
            ItemOrError resolved = item(itemName, trimmed(v[TPP]), trimmed(v[PD]), trimmed(v[BANDWIDTH]));
            if (resolved.error != null) {
                errors = add(errors, resolved.error);
            }
            item = resolved.item;
        }
        if (errors != null) {
            return new DealRow.Unreadable(row, line, id, String.join("; ", errors));
        }
        String exporter = trimmed(v[EXPORTER]);
        return new DealRow.Read(
                row,
                new Deal(
                        id,
                        date,
                        exporter == null ? "" : exporter,
                        endUser,
                        parent,
                        destination,
                        List.of(new Line(item, quantity)),
                        false));
    }

    private record ItemOrError(Item item, String error) {}

    private ItemOrError item(String name, String tpp, String pd, String bandwidth) {
        if (tpp == null && pd == null && bandwidth == null) {
            Item cached = itemCache.get(name);
            if (cached != null) {
                return new ItemOrError(cached, null);
            }
            Item item = catalog.find(name).orElse(null);
            if (item == null) {
                return new ItemOrError(
                        null,
                        "item: " + quote(name) + " is not in the catalogue (see gatehouse catalog);"
                                + " for another chip give its tpp and pd");
            }
            if (itemCache.size() < 10_000) {
                itemCache.put(name, item);
            }
            return new ItemOrError(item, null);
        }
        Item listed = catalog.find(name).orElse(null);
        long tppValue = tpp == null ? -1 : positive(tpp, Accelerator.TPP_MAX);
        if (listed != null) {
            if (tpp != null && tppValue != listed.accelerator().tpp()) {
                return new ItemOrError(
                        null,
                        "tpp: " + quote(tpp) + " differs from the catalogue's "
                                + listed.accelerator().tpp() + " for " + listed.name()
                                + "; leave tpp empty for catalogue items or rename the item");
            }
            return new ItemOrError(listed, null);
        }
        List<String> errors = new ArrayList<>(2);
        if (tppValue < 0) {
            errors.add(
                    tpp == null
                            ? "tpp: required for " + quote(name) + ", which is not in the catalogue"
                            : "tpp: must be a positive integer ≤ " + Accelerator.TPP_MAX + ", got " + quote(tpp));
        }
        BigDecimal density = null;
        if (pd == null) {
            errors.add("pd: required for " + quote(name) + ", which is not in the catalogue");
        } else {
            try {
                density = new BigDecimal(pd);
                if (density.signum() < 0 || density.compareTo(BigDecimal.valueOf(10_000)) > 0) {
                    errors.add("pd: must be between 0 and 10000, got " + quote(pd));
                }
            } catch (NumberFormatException e) {
                errors.add("pd: must be a decimal number, got " + quote(pd));
            }
        }
        long bandwidthValue = 0;
        if (bandwidth != null) {
            bandwidthValue = positive(bandwidth, 1_000_000);
            if (bandwidthValue < 0) {
                errors.add("memory_bandwidth_gbs: must be a positive integer ≤ 1000000, got " + quote(bandwidth));
            }
        }
        if (!errors.isEmpty()) {
            return new ItemOrError(null, String.join("; ", errors));
        }
        if (name.length() > 64) {
            return new ItemOrError(null, "item: longer than 64 characters");
        }
        return new ItemOrError(Catalog.customItem(name, tppValue, density, bandwidthValue), null);
    }

    /** Parses a positive integer of at most {@code max} written with digits only; -1 when it is anything else. */
    static long positive(String text, long max) {
        if (text == null) {
            return -1;
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > 19) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
            if (value > max) {
                return -1;
            }
        }
        return value == 0 ? -1 : value;
    }

    private static boolean blank(String[] record) {
        for (String field : record) {
            if (!field.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String trimmed(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static List<String> add(List<String> errors, String error) {
        List<String> list = errors == null ? new ArrayList<>(2) : errors;
        list.add(error);
        return list;
    }

    private static String quote(String s) {
        if (s == null) {
            return "nothing";
        }
        String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return "\"" + shown + "\"";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
