package org.flannel.harness.topology.support;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Every wait of the drivers: a condition checked at once, then every interval, for at most a given
 * time (Awaitility underneath). The caller decides what a timeout means, so these return instead of
 * throwing; an exception thrown by the condition goes through unchanged. Conditions run on the
 * caller's thread, and Awaitility's JVM-wide uncaught-exception handler is left alone (waits run in
 * parallel here). Interrupts do not cut a wait short: every wait is bounded.
 */
public final class Waiting {
    private Waiting() {}

    /** True once {@code condition} holds; false if it still does not after {@code atMost}. */
    public static boolean until(Duration atMost, Duration interval, BooleanSupplier condition) {
        return until(atMost, () -> interval, condition);
    }

    /** The same, asking {@code interval} before each pause (a condition may poll faster early on). */
    public static boolean until(Duration atMost, Supplier<Duration> interval, BooleanSupplier condition) {
        if (atMost.isZero() || atMost.isNegative()) {
            return condition.getAsBoolean();
        }
        try {
            await(atMost, interval).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException timedOut) {
            return false;
        }
    }

    /** The first value {@code attempt} supplies; empty if it supplies none within {@code atMost}. */
    public static <T> Optional<T> poll(Duration atMost, Duration interval, Supplier<Optional<T>> attempt) {
        if (atMost.isZero() || atMost.isNegative()) {
            return attempt.get();
        }
        try {
            return await(atMost, () -> interval).until(attempt::get, Optional::isPresent);
        } catch (ConditionTimeoutException timedOut) {
            return Optional.empty();
        }
    }

    private static ConditionFactory await(Duration atMost, Supplier<Duration> interval) {
        return Awaitility.await()
                .atMost(atMost)
                .pollDelay(Duration.ZERO)
                .pollInterval((pollCount, previous) -> interval.get())
                .pollInSameThread()
                .dontCatchUncaughtExceptions();
    }
}
