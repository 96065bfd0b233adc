package org.flannel.harness.topology.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupStackTest {
    @Test
    void unwindsNewestFirstAndContinuesPastFailures() {
        List<String> order = new ArrayList<>();
        CleanupStack stack = new CleanupStack();
        stack.push("first", () -> order.add("first"));
        stack.push("broken", () -> {
            throw new IllegalStateException("boom");
        });
        stack.push("third", () -> order.add("third"));

        List<String> failures = stack.unwind();

        assertThat(order).containsExactly("third", "first");
        assertThat(failures).containsExactly("broken: boom");
        assertThat(stack.unwind()).isEmpty();
    }
}
