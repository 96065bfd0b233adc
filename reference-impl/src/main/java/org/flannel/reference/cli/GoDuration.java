package org.flannel.reference.cli;

import java.math.BigDecimal;
import java.time.Duration;

/** A duration as Go's {@code time.Duration.String()} prints it, as Flannel's log lines show them: "22h59m58.99s". */
public final class GoDuration {
    private GoDuration() {}

    public static String format(Duration duration) {
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return decimal(nanos, 3) + "µs";
        }
        if (nanos < 1_000_000_000) {
            return decimal(nanos, 6) + "ms";
        }
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        long secondsNanos = nanos
                - duration.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toNanos();
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        return text.append(decimal(secondsNanos, 9)).append('s').toString();
    }

    /** {@code value / 10^scale} with trailing zeros (and a trailing point) dropped. */
    private static String decimal(long value, int scale) {
        BigDecimal number = BigDecimal.valueOf(value, scale).stripTrailingZeros();
        return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
    }
}
