package org.gatehouse.applications;

import java.util.regex.Pattern;

/** A supporting document: its metadata and the SHA-256 of its content (the content itself is kept elsewhere). */
public record DocumentRef(String name, String mediaType, String sha256, long sizeBytes) {

    public static final long SIZE_BYTES_MAX = 1L << 40;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");

    public static final int NAME_CHARS_MAX = 200;

    public DocumentRef {
        name = Texts.text(name, NAME_CHARS_MAX, true);
        mediaType = mediaType(mediaType);
        sha256 = sha256(sha256);
        if (sizeBytes < 0 || sizeBytes > SIZE_BYTES_MAX) {
            throw new IllegalArgumentException("sizeBytes must be 0.." + SIZE_BYTES_MAX);
        }
    }

    /** A media type such as {@code application/pdf}; the field's own rule, also used by the request parser. */
    public static String mediaType(String value) {
        String text = Texts.text(value, 100, true);
        if (!MEDIA_TYPE.matcher(text).matches()) {
            throw new IllegalArgumentException("must look like type/subtype, e.g. application/pdf");
        }
        return text;
    }

    /** The document's SHA-256, as 64 lower-case hex digits. */
    public static String sha256(String value) {
        if (value == null || !SHA256.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 64 lower-case hex digits");
        }
        return value;
    }
}
