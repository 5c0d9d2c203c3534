package org.gatehouse.applications;

import java.util.regex.Pattern;

/** A supporting document: its metadata and the SHA-256 of its content (the content itself is kept elsewhere). */
public record DocumentRef(String name, String mediaType, String sha256, long sizeBytes) {

    public static final long SIZE_BYTES_MAX = 1L << 40;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");

    public DocumentRef {
        name = Texts.text(name, 200, true);
        mediaType = Texts.text(mediaType, 100, true);
        if (!MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new IllegalArgumentException("mediaType must look like type/subtype, e.g. application/pdf");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        if (sizeBytes < 0 || sizeBytes > SIZE_BYTES_MAX) {
            throw new IllegalArgumentException("sizeBytes must be 0.." + SIZE_BYTES_MAX);
        }
    }
}
