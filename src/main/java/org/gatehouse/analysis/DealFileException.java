package org.gatehouse.analysis;

/** A deal or holdings file that cannot be used at all (no header, a required column missing), with file and line. */
public final class DealFileException extends RuntimeException {

    private final String file;
    private final long line;

    public DealFileException(String file, long line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
