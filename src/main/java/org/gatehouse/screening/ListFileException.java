package org.gatehouse.screening;

/** A list file that cannot be loaded, as {@code FILE:LINE: reason}; a list is loaded whole or not at all. */
public final class ListFileException extends RuntimeException {

    private final String file;
    private final long line;

    /** A problem on {@code line} of {@code file}; line 0 when it concerns the file as a whole. */
    public ListFileException(String file, long line, String reason) {
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
