package org.gatehouse.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma-separated fields, double quotes around fields that hold commas, quotes or
 * line breaks, {@code ""} for a quote inside them, CRLF or LF line ends. Used for the bundled reference data and
 * for deal files, which may hold millions of rows, so it keeps only the current record in memory.
 */
public final class CsvRecords {

    /** Longest field accepted: a guard against a missing closing quote swallowing the rest of a file. */
    public static final int FIELD_CHARS_MAX = 10_000;
    /** Most fields accepted in one record. */
    public static final int FIELDS_MAX = 200;

    private static final int BUFFER_CHARS = 1 << 16;

    private final Reader in;
    private final char[] buffer = new char[BUFFER_CHARS];
    private int position;
    private int limit;
    private final StringBuilder field = new StringBuilder(64);
    private long recordNumber;
    private long lineNumber = 1;
    private long recordStartLine = 1;

    public CsvRecords(Reader in) {
        this.in = in;
    }

    /** Number of the record last returned by {@link #next()}, the first being 1. */
    public long recordNumber() {
        return recordNumber;
    }

    /** Line of the file on which the record last returned started, the first line being 1. */
    public long recordStartLine() {
        return recordStartLine;
    }

    /**
     * The next record's fields, or {@code null} at the end of input; blank lines are skipped.
     *
     * @throws MalformedCsvException when a quoted field is not closed or a field is too long
     */
    public String[] next() {
        List<String> fields = new ArrayList<>(16);
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n') {
                lineNumber++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            recordStartLine = lineNumber;
            unread();
            break;
        }
        field.setLength(0);
        boolean quoted = false;
        boolean afterQuote = false;
        boolean startOfField = true;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new MalformedCsvException(
                            recordStartLine, "a quoted field is not closed before the end of the file");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        append('"');
                    } else {
                        if (d != -1) {
                            unread();
                        }
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        lineNumber++;
                    }
                    append((char) c);
                }
                continue;
            }
            if (c == -1 || c == '\n' || c == '\r' || c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                if (fields.size() > FIELDS_MAX) {
                    throw new MalformedCsvException(recordStartLine, "more than " + FIELDS_MAX + " fields");
                }
                afterQuote = false;
                startOfField = true;
                if (c == ',') {
                    continue;
                }
                if (c == '\r') {
                    int d = read();
                    if (d != '\n' && d != -1) {
                        unread();
                    }
                }
                if (c != -1) {
                    lineNumber++;
                }
                recordNumber++;
                return fields.toArray(new String[0]);
            }
            if (c == '"' && startOfField) {
                quoted = true;
                startOfField = false;
                continue;
            }
            if (afterQuote) {
                throw new MalformedCsvException(
                        recordStartLine,
                        "a character follows the closing quote of field " + (fields.size() + 1)
                                + " (write a quote inside a quoted field as \"\")");
            }
            startOfField = false;
            append((char) c);
        }
    }

    private void append(char c) {
        if (field.length() >= FIELD_CHARS_MAX) {
            throw new MalformedCsvException(
                    recordStartLine, "a field is longer than " + FIELD_CHARS_MAX + " characters");
        }
        field.append(c);
    }

    private int read() {
        if (position == limit) {
            try {
                int n = in.read(buffer, 0, buffer.length);
                if (n <= 0) {
                    position = 0;
                    limit = 0;
                    return -1;
                }
                position = 0;
                limit = n;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return buffer[position++];
    }

    /** Steps back over the character just read; always possible because reads never discard it. */
    private void unread() {
        position--;
    }

    /** A CSV text that breaks RFC 4180, with the line where the broken record starts. */
    public static final class MalformedCsvException extends RuntimeException {
        private final long line;

        public MalformedCsvException(long line, String reason) {
            super(reason);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }
}
