package org.flannel.harness.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.flannel.harness.conformance.FailureText;
import org.junit.jupiter.api.Test;

class FailureDetailsTest {
    @Test
    void aLongMessageIsCutAndSaysHowMuchTheReportsHaveMore() {
        String message =
                IntStream.rangeClosed(1, 70).mapToObj(i -> "| row " + i + " |").collect(Collectors.joining("\n"));

        List<String> lines = FailureDetails.lines(null, message, Map.of());

        assertThat(lines).hasSize(FailureDetails.MESSAGE_LINES + 1);
        assertThat(lines.get(59)).isEqualTo("    | row 60 |");
        assertThat(lines.get(60)).isEqualTo("    ... 10 more lines in the reports");
    }

    @Test
    void anAssertionsMessageIsTheDiffAnyOtherErrorNamesItsType() {
        assertThat(FailureText.message(new AssertionError("expected: 8472\n but was: 4789")))
                .isEqualTo("expected: 8472\n but was: 4789");
        assertThat(FailureText.message(new IllegalStateException("etcd did not come up")))
                .isEqualTo("java.lang.IllegalStateException: etcd did not come up");
        assertThat(FailureText.message(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
        assertThat(FailureText.message(null)).isNull();
    }

    @Test
    void aLogsTailLeavesOutTheHeaderAndTrailingBlankLines() {
        assertThat(FailureDetails.tail("# flanneld under test: /opt/flanneld\nI one\nI two\nI three\n\n\n", 2))
                .containsExactly("I two", "I three");
        assertThat(FailureDetails.tail("# flanneld under test: /opt/flanneld\n", 15))
                .isEmpty();
    }
}
