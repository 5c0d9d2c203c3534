package org.gatehouse.screening;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a comma- or tab-separated list file, quoted the RFC 4180 way ({@code "a, b"}, {@code ""} for a
 * quote), each with the line it starts on. List files are a few megabytes, so the text is parsed in memory.
 */
final class DelimitedRecords {

    /** Longest field accepted: a guard against a missing closing quote swallowing the rest of a file. */
    static final int FIELD_CHARS_MAX = 100_000;
    /** Most fields in one record. */
    static final int FIELDS_MAX = 100;

    /** DOS end-of-file marker that OFAC's legacy CSV files end with. */
    private static final char END_OF_FILE = '\u001a';

    /** One record and the line of the file where it starts. */
    record Record(long line, String[] fields) {
        String field(int index) {
            return index < fields.length ? fields[index] : "";
        }
    }

    private DelimitedRecords() {}

    /**
     * The text of a list file: UTF-8 (a byte-order mark is skipped), or Windows-1252 when the bytes are not valid UTF-8
     * (OFAC's legacy files were published in it).
     */
    static String decode(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
                        ? 3
                        : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, Charset.forName("windows-1252"));
        }
    }

    /** All records of {@code text}; blank lines and a final end-of-file marker are skipped. */
    static List<Record> parse(String file, String text, char delimiter) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>(32);
        StringBuilder field = new StringBuilder(64);
        long line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (c == '\r' || (c == END_OF_FILE && onlyLineEndsFollow(text, i + 1))) {
                i++;
                continue;
            }
            long start = line;
            fields.clear();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                field.setLength(0);
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new ListFileException(file, start, "a quoted field is not closed before the end");
                        }
                        char q = text.charAt(i++);
                        if (q == '"') {
                            if (i < n && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                                continue;
                            }
                            break;
                        }
                        if (q == '\n') {
                            line++;
                        }
                        append(field, q, file, start);
                    }
                    // Only spaces may follow a closing quote before the delimiter.
                    while (i < n && text.charAt(i) == ' ') {
                        i++;
                    }
                    if (i < n && text.charAt(i) != delimiter && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        throw new ListFileException(
                                file,
                                line,
                                "field " + (fields.size() + 1) + ": '" + text.charAt(i) + "' after the closing quote");
                    }
                } else {
                    while (i < n) {
                        char u = text.charAt(i);
                        if (u == delimiter || u == '\r' || u == '\n') {
                            break;
                        }
                        append(field, u, file, start);
                        i++;
                    }
                }
                fields.add(field.toString());
                if (fields.size() > FIELDS_MAX) {
                    throw new ListFileException(file, start, "more than " + FIELDS_MAX + " fields");
                }
                if (i < n && text.charAt(i) == delimiter) {
                    i++;
                } else {
                    endOfRecord = true;
                }
            }
            records.add(new Record(start, fields.toArray(new String[0])));
        }
        return records;
    }

    private static boolean onlyLineEndsFollow(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\r' && c != '\n' && c != END_OF_FILE) {
                return false;
            }
        }
        return true;
    }

    private static void append(StringBuilder field, char c, String file, long line) {
        if (field.length() >= FIELD_CHARS_MAX) {
            throw new ListFileException(file, line, "a field is longer than " + FIELD_CHARS_MAX + " characters");
        }
        field.append(c);
    }
}
