package org.gatehouse.screening;

import java.util.Locale;

/** The list file formats Gatehouse reads, recognized from a file's name and first line. */
public enum ListFormat {
    /** OFAC's legacy {@code sdn.csv}: no header; ent_num, SDN_Name, SDN_Type, Program, …, Remarks (12 fields). */
    SDN,
    /** OFAC's {@code alt.csv}: ent_num, alt_num, alt_type, alt_name, alt_remarks. */
    SDN_ALT,
    /** OFAC's {@code add.csv}: ent_num, add_num, address, city/state/postal, country, add_remarks. */
    SDN_ADD,
    /** The Consolidated Screening List CSV, with a header (29 columns with {@code _id}, or the older 28 without). */
    CSL,
    /** The BIS Denied Persons List: tab-separated, quoted, with a header. */
    DPL;

    /**
     * The format of {@code file}: by header for CSL and DPL, by name for the three SDN files ({@code sdn}, {@code alt},
     * {@code add} in the file name), else by the number of fields of the first record.
     *
     * @throws ListFileException when the format cannot be recognized
     */
    public static ListFormat detect(ListFile file) {
        String text =
                DelimitedRecords.decode(java.util.Arrays.copyOf(file.bytes(), Math.min(file.bytes().length, 8192)));
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip().toLowerCase(Locale.ROOT);
        if (first.contains("entity_number") && first.contains("alt_names")) {
            return CSL;
        }
        if (first.contains("\"name\"\t") || first.startsWith("name\t")) {
            return DPL;
        }
        String base = file.baseName();
        if (base.contains("alt")) {
            return SDN_ALT;
        }
        if (base.contains("add")) {
            return SDN_ADD;
        }
        if (base.contains("sdn")) {
            return SDN;
        }
        int fields = first.isEmpty()
                ? 0
                : DelimitedRecords.parse(file.name(), first, ',').getFirst().fields().length;
        return switch (fields) {
            case 12 -> SDN;
            case 5 -> SDN_ALT;
            case 6 -> SDN_ADD;
            default ->
                throw new ListFileException(
                        file.name(),
                        1,
                        "not a recognized list format (OFAC sdn.csv/alt.csv/add.csv, Consolidated Screening List CSV,"
                                + " or BIS Denied Persons List)");
        };
    }
}
