package org.gatehouse.screening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A list file as loaded: the name used in messages (a path or a resource name) and its bytes, which are hashed as they
 * are, so the recorded version is the file's exact content.
 */
public record ListFile(String name, byte[] bytes) {

    /** Largest list file accepted: the full current SDN CSV is about 5 MB and the CSL about 40 MB. */
    public static final int BYTES_MAX = 128 * 1024 * 1024;

    public ListFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > BYTES_MAX) {
            throw new ListFileException(name, 0, "larger than " + BYTES_MAX + " bytes");
        }
    }

    /** Reads the file at {@code path}, refusing one larger than {@link #BYTES_MAX}. */
    public static ListFile read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > BYTES_MAX) {
            throw new ListFileException(path.toString(), 0, "larger than " + BYTES_MAX + " bytes");
        }
        return new ListFile(path.toString(), Files.readAllBytes(path));
    }

    /** The file name without its folders, lower-case, for recognizing the format. */
    String baseName() {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListFile f && f.name.equals(name) && java.util.Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ListFile[" + name + ", " + bytes.length + " bytes]";
    }
}
