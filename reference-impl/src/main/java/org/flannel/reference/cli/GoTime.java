package org.flannel.reference.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * An instant as Go's {@code time.Time.String()} prints it in Flannel's log lines, e.g.
 * "2026-12-06 18:31:16.249396967 +0000 UTC" (trailing zeros of the fraction dropped). Go also appends
 * the monotonic clock reading ("m=+86459.08"), a number private to one process: left out.
 */
public final class GoTime {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx");
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("z");

    private GoTime() {}

    public static String format(Instant instant, ZoneId zone) {
        ZonedDateTime time = instant.atZone(zone);
        StringBuilder text = new StringBuilder(DATE_TIME.format(time));
        int nanos = time.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos).replaceFirst("0+$", "");
            text.append('.').append(fraction);
        }
        // Java names a bare UTC offset "Z"; Go says "UTC".
        String zoneName = zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : ZONE_NAME.format(time);
        return text.append(' ')
                .append(OFFSET.format(time))
                .append(' ')
                .append(zoneName)
                .toString();
    }

    /** In the system's zone, as Go's {@code time.Local}. */
    public static String format(Instant instant) {
        return format(instant, ZoneId.systemDefault());
    }
}
