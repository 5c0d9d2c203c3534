package org.gatehouse.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Moments as pages show them: in UTC, to the minute or to the second, so that every reader sees the same time. */
public final class Dates {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Dates() {}

    /** {@code 2026-11-27 12:46 UTC}, or an empty text for null. */
    public static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    /** {@code 2026-11-27 12:46:07 UTC}, or an empty text for null. */
    public static String second(Instant instant) {
        return instant == null ? "" : SECOND.format(instant);
    }
}
