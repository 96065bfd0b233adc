package org.flannel.harness.expect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameTableTest {
    private static final String TEXT = """
            # a comment
            | layer      | field       | expected   |
            | outer ipv4 | source      | 10.168.0.2 |

            | outer ipv4 | destination | 10.168.0.3 |
            | inner icmp | type        | 8          |
            """;

    @Test
    void commentsHeaderAndBlankLinesAreNotRows() {
        assertThat(FrameTable.parse(TEXT))
                .containsExactly(
                        ExpectationRow.of("outer ipv4", "source", "10.168.0.2"),
                        ExpectationRow.of("outer ipv4", "destination", "10.168.0.3"),
                        ExpectationRow.of("inner icmp", "type", "8"));
    }

    @Test
    void anOverrideTakesItsFieldsPlaceAndANewFieldComesLast() {
        List<ExpectationRow> rows = FrameTable.withOverrides(
                FrameTable.parse(TEXT),
                List.of(
                        ExpectationRow.of("inner icmp", "identifier", "as sent"),
                        ExpectationRow.of("outer ipv4", "destination", "10.168.0.2")));

        assertThat(rows)
                .containsExactly(
                        ExpectationRow.of("outer ipv4", "source", "10.168.0.2"),
                        ExpectationRow.of("outer ipv4", "destination", "10.168.0.2"),
                        ExpectationRow.of("inner icmp", "type", "8"),
                        ExpectationRow.of("inner icmp", "identifier", "as sent"));
    }

    @Test
    void aLineThatIsNoRowIsRefused() {
        assertThatThrownBy(() -> FrameTable.parse("| layer | field | expected |\nouter ipv4 source"))
                .hasMessageContaining("not a table row: outer ipv4 source");
    }
}
