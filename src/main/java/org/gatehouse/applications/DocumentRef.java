package org.gatehouse.applications;

import java.util.regex.Pattern;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Text;

/**
 * A supporting document: its metadata and the SHA-256 of its content (the content itself is kept
 * elsewhere). Checks its own fields, naming each one that is refused.
 */
public record DocumentRef(String name, String mediaType, String sha256, long sizeBytes) {

    public static final int NAME_CHARS_MAX = 200;
    public static final int MEDIA_TYPE_CHARS_MAX = 100;
    public static final long SIZE_BYTES_MAX = 1L << 40;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");

    public DocumentRef(String name, String mediaType, String sha256, long sizeBytes) {
        InputCheck check = new InputCheck();
        this.name = check.field("name", () -> Text.required(name, NAME_CHARS_MAX));
        this.mediaType = check.field("mediaType", () -> mediaType(mediaType));
        this.sha256 = check.field("sha256", () -> sha256(sha256));
        this.sizeBytes = sizeBytes;
        if (sizeBytes < 0 || sizeBytes > SIZE_BYTES_MAX) {
            check.reject("sizeBytes", "must be 0.." + SIZE_BYTES_MAX + ", got " + sizeBytes);
        }
        check.throwIfInvalid();
    }

    private static String mediaType(String value) {
        String text = Text.required(value, MEDIA_TYPE_CHARS_MAX);
        if (!MEDIA_TYPE.matcher(text).matches()) {
            throw new IllegalArgumentException("must look like type/subtype, e.g. application/pdf");
        }
        return text;
    }

    private static String sha256(String value) {
        if (value == null || !SHA256.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 64 lower-case hex digits");
        }
        return value;
    }
}
