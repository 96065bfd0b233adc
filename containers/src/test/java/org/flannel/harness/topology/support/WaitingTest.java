package org.flannel.harness.topology.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitingTest {
    private static final Duration TEN_MS = Duration.ofMillis(10);

    @Test
    void aConditionThatHoldsIsCheckedOnceAndReturnsAtOnce() {
        AtomicInteger checks = new AtomicInteger();
        long started = System.nanoTime();

        assertThat(Waiting.until(Duration.ofSeconds(5), Duration.ofSeconds(1), () -> checks.incrementAndGet() > 0))
                .isTrue();

        assertThat(checks).hasValue(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aConditionIsCheckedEveryIntervalUntilItHolds() {
        AtomicInteger checks = new AtomicInteger();

        assertThat(Waiting.until(Duration.ofSeconds(5), TEN_MS, () -> checks.incrementAndGet() == 4))
                .isTrue();

        assertThat(checks).hasValue(4);
    }

    @Test
    void aConditionThatNeverHoldsReturnsFalseOnceTheTimeIsUp() {
        AtomicInteger checks = new AtomicInteger();
        long started = System.nanoTime();

        assertThat(Waiting.until(Duration.ofMillis(200), TEN_MS, () -> checks.incrementAndGet() < 0))
                .isFalse();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(checks.get()).isGreaterThan(2);
    }

    @Test
    void noTimeAtAllMeansOneCheck() {
        AtomicInteger checks = new AtomicInteger();

        assertThat(Waiting.until(Duration.ZERO, TEN_MS, () -> checks.incrementAndGet() < 0))
                .isFalse();
        assertThat(Waiting.poll(Duration.ZERO, TEN_MS, () -> Optional.of(checks.incrementAndGet())))
                .contains(2);
    }

    @Test
    void pollReturnsTheFirstValueSupplied() {
        AtomicInteger checks = new AtomicInteger();

        Optional<String> value = Waiting.poll(
                Duration.ofSeconds(5),
                TEN_MS,
                () -> checks.incrementAndGet() < 3 ? Optional.empty() : Optional.of("third"));

        assertThat(value).contains("third");
        assertThat(Waiting.poll(Duration.ofMillis(50), TEN_MS, Optional::empty)).isEmpty();
    }

    @Test
    void anExceptionFromTheConditionGoesThroughUnchanged() {
        IllegalStateException broken = new IllegalStateException("exited");

        assertThatThrownBy(() -> Waiting.until(Duration.ofSeconds(5), TEN_MS, () -> {
                    throw broken;
                }))
                .isSameAs(broken);
    }
}
