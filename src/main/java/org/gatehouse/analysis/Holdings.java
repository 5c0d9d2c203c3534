package org.gatehouse.analysis;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.gatehouse.catalog.Catalog;
import org.gatehouse.catalog.CsvRecords;
import org.gatehouse.policy.InMemoryLedger;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;

/**
 * Reads a holdings file ({@code end_user_parent,destination,gb300e}: what companies already hold, in GB300 units) into
 * the shipped bucket of an in-memory ledger. Holdings set up the run, so any bad line refuses the whole file.
 */
public final class Holdings {

    /** Most holdings lines accepted. */
    public static final int LINES_MAX = 1_000_000;

    private Holdings() {}

    /** One holding in exact TPP (GB300e × TPP of the GB300, rounded half-up to a whole TPP). */
    public record Holding(CompanyName parent, CountryCode destination, long tpp) {}

    /** Reads every holding, or throws naming the file, line and problem. */
    public static List<Holding> read(String file, Reader reader) {
        long gb300Tpp = Catalog.builtIn().item("GB300").tppPerUnit();
        CsvRecords csv = new CsvRecords(reader);
        String[] header = csv.next();
        if (header == null) {
            throw new DealFileException(
                    file, 1, "the file is empty; expected the header end_user_parent,destination,gb300e");
        }
        int parent = -1, destination = -1, gb300e = -1;
        for (int i = 0; i < header.length; i++) {
            switch (header[i].strip().toLowerCase(Locale.ROOT)) {
                case "end_user_parent" -> parent = i;
                case "destination" -> destination = i;
                case "gb300e" -> gb300e = i;
                default -> {}
            }
        }
        if (parent < 0 || destination < 0 || gb300e < 0) {
            throw new DealFileException(file, 1, "header: expected columns end_user_parent,destination,gb300e");
        }
        List<Holding> holdings = new java.util.ArrayList<>();
        try {
            for (String[] r = csv.next(); r != null; r = csv.next()) {
                long line = csv.recordStartLine();
                if (holdings.size() >= LINES_MAX) {
                    throw new DealFileException(file, line, "more than " + LINES_MAX + " holdings");
                }
                if (r.length <= Math.max(parent, Math.max(destination, gb300e))) {
                    throw new DealFileException(file, line, "expected " + header.length + " fields, got " + r.length);
                }
                CompanyName company;
                try {
                    company = CompanyName.of(r[parent]);
                } catch (IllegalArgumentException e) {
                    throw new DealFileException(file, line, "end_user_parent: " + e.getMessage());
                }
                CountryCode country;
                try {
                    country = CountryCode.of(r[destination].strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new DealFileException(
                            file,
                            line,
                            "destination: must be an ISO 3166-1 alpha-2 country code, got \"" + r[destination] + "\"");
                }
                BigDecimal amount;
                try {
                    amount = new BigDecimal(r[gb300e].strip());
                } catch (NumberFormatException e) {
                    throw new DealFileException(
                            file, line, "gb300e: must be a decimal number, got \"" + r[gb300e] + "\"");
                }
                if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
                    throw new DealFileException(
                            file, line, "gb300e: must be between 0 and 1000000000, got \"" + r[gb300e] + "\"");
                }
                long tpp = amount.multiply(BigDecimal.valueOf(gb300Tpp))
                        .setScale(0, RoundingMode.HALF_UP)
                        .longValueExact();
                holdings.add(new Holding(company, country, tpp));
            }
        } catch (CsvRecords.MalformedCsvException e) {
            throw new DealFileException(file, e.line(), "not valid CSV: " + e.getMessage());
        }
        return holdings;
    }

    /** A ledger holding these holdings as shipped. */
    public static InMemoryLedger ledgerOf(List<Holding> holdings) {
        InMemoryLedger ledger = new InMemoryLedger();
        for (Holding h : holdings) {
            ledger.addHolding(h.parent(), h.destination(), h.tpp());
        }
        return ledger;
    }
}
