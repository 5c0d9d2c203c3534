package org.gatehouse.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a synthetic but realistic deal file (CSV, SPEC §4.1) for benchmarks and demonstrations: a few thousand
 * companies with subsidiaries in several countries, destinations weighted towards allies with some controlled, denial
 * and embargoed ones, chips and systems of the catalogue plus a few custom chips, quantities mostly small with a long
 * tail, dates through 2026. The same seed always gives the same file.
 */
public final class DealGenerator {

    /** Most rows one call writes. */
    public static final long ROWS_MAX = 100_000_000;

    private static final String HEADER =
            "id,date,exporter,end_user,end_user_parent,destination,item,quantity,unit_price_usd,end_use,tpp,pd,memory_bandwidth_gbs\n";
    private static final String[] GENERAL = {
        "GB", "DE", "FR", "JP", "KR", "IN", "BR", "SG", "NL", "IL", "ES", "IT", "CA", "AU", "MX", "ID", "MY", "TH",
        "PT", "NO"
    };
    private static final String[] CONTROLLED = {"SA", "AE", "QA", "KW", "VN", "KZ", "EG", "JO"};
    private static final String[] DENIAL = {"CN", "MO", "RU", "BY"};
    private static final String[] EMBARGOED = {"IR", "CU", "KP", "SY"};
    private static final String[] ITEMS = {
        "GB300", "GB300", "B300", "B200", "H100", "H200", "H20", "MI355X", "MI325X", "A100", "GB200"
    };
    private static final String[] SYSTEMS = {
        "GB300 NVL72", "HGX B200", "DGX H100", "HGX H200", "MI355X Platform", "HGX H20"
    };
    private static final String[] EXPORTERS = {"NVIDIA", "AMD", "Dell", "Supermicro", "HPE"};
    private static final String[] USES = {"AI training", "AI inference", "cloud services", "research"};

    private DealGenerator() {}

    /** Writes a header and {@code rows} deals drawn from {@code seed}. */
    public static void write(Writer out, long rows, long seed) {
        if (rows < 0 || rows > ROWS_MAX) {
            throw new IllegalArgumentException("rows: must be 0.." + ROWS_MAX + ", got " + rows);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int companies = (int) Math.max(10, Math.min(5_000, rows / 200));
        LocalDate start = LocalDate.of(2026, 1, 1);
        StringBuilder line = new StringBuilder(200);
        try {
            out.write(HEADER);
            for (long i = 1; i <= rows; i++) {
                line.setLength(0);
                int company = (int) Math.min(companies - 1, (long) (companies * Math.pow(random.nextDouble(), 2)));
                String destination = destination(random, company);
                line.append("deal-")
                        .append(i)
                        .append(',')
                        .append(start.plusDays(random.nextInt(365)))
                        .append(',')
                        .append(EXPORTERS[random.nextInt(EXPORTERS.length)])
                        .append(',');
                String parent = "Company " + company;
                int subsidiary = random.nextInt(3);
                line.append(subsidiary == 0 ? parent : parent + " " + destination + " " + subsidiary)
                        .append(',');
                // Parents are written with varying case and spacing, as real files are.
                line.append(random.nextInt(10) == 0 ? " " + parent.toUpperCase(java.util.Locale.ROOT) + " " : parent)
                        .append(',');
                line.append(destination).append(',');
                int kind = random.nextInt(100);
                long quantity = quantity(random);
                if (kind < 2) {
                    long tpp = 1_000 + random.nextInt(30_000);
                    line.append("Custom-")
                            .append(random.nextInt(50))
                            .append(',')
                            .append(quantity)
                            .append(",,")
                            .append(USES[random.nextInt(USES.length)])
                            .append(',')
                            .append(tpp)
                            .append(',')
                            .append(random.nextInt(1, 40))
                            .append('.')
                            .append(random.nextInt(10, 100))
                            .append(',')
                            .append(random.nextInt(2_000, 9_000))
                            .append('\n');
                } else if (kind < 15) {
                    line.append(SYSTEMS[random.nextInt(SYSTEMS.length)])
                            .append(',')
                            .append(Math.max(1, quantity / 8))
                            .append(",,")
                            .append(USES[random.nextInt(USES.length)])
                            .append(",,,\n");
                } else {
                    line.append(ITEMS[random.nextInt(ITEMS.length)])
                            .append(',')
                            .append(quantity)
                            .append(',')
                            .append(20_000 + random.nextInt(40_000))
                            .append(',')
                            .append('"')
                            .append(USES[random.nextInt(USES.length)])
                            .append(", phase ")
                            .append(1 + random.nextInt(3))
                            .append('"')
                            .append(",,,\n");
                }
                out.append(line);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String destination(SplittableRandom random, int company) {
        int p = random.nextInt(100);
        if (p < 10) {
            return "US";
        }
        if (p < 75) {
            return GENERAL[(company + random.nextInt(3)) % GENERAL.length];
        }
        if (p < 90) {
            return CONTROLLED[(company + random.nextInt(2)) % CONTROLLED.length];
        }
        if (p < 99) {
            return DENIAL[company % DENIAL.length];
        }
        return EMBARGOED[random.nextInt(EMBARGOED.length)];
    }

    private static long quantity(SplittableRandom random) {
        int p = random.nextInt(1000);
        if (p < 800) {
            return 1 + random.nextInt(200);
        }
        if (p < 980) {
            return 200 + random.nextInt(5_000);
        }
        return 5_000 + random.nextInt(100_000);
    }
}
