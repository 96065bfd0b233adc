package org.flannel.harness.bench;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A route the kernel added or deleted, as {@code ip -ts monitor route} printed it, with the kernel's time. */
public record RouteEvent(Instant at, String destination, boolean added) {
    // [2026-12-05T21:51:45.382709] Deleted 10.1.16.0/24 via 10.1.16.0 dev flannel.1 onlink
    private static final Pattern LINE = Pattern.compile("^\\[([0-9T:.\\-]+)\\] (Deleted )?(\\S+)( .*)?$");

    /**
     * The event a line reports, or empty for anything else (IPv6, multicast, local tables...).
     *
     * @param zone the zone ip printed its local time in (the machine's)
     */
    public static Optional<RouteEvent> parse(String line, ZoneId zone) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String destination = m.group(3);
        if (!destination.matches("[0-9.]+(/[0-9]+)?")) {
            return Optional.empty();
        }
        if (!destination.contains("/")) {
            destination = destination + "/32";
        }
        Instant at = LocalDateTime.parse(m.group(1)).atZone(zone).toInstant();
        return Optional.of(new RouteEvent(at, destination, m.group(2) == null));
    }
}
