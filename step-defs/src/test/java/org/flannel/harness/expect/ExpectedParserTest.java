package org.flannel.harness.expect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpectedParserTest {

    @Test
    void rulesAreFixedPhrases() {
        assertThat(ExpectedParser.parse("any")).isEqualTo(new Expected.AnyValue());
        assertThat(ExpectedParser.parse("valid")).isEqualTo(new Expected.Valid());
        assertThat(ExpectedParser.parse("Zero or  valid")).isEqualTo(new Expected.ZeroOrValid());
        assertThat(ExpectedParser.parse("in 32768..61000")).isEqualTo(new Expected.InRange(32768, 61000));
        assertThat(ExpectedParser.parse("in 0x10 .. 0x20")).isEqualTo(new Expected.InRange(16, 32));
        assertThat(ExpectedParser.parse("decremented by 1")).isEqualTo(new Expected.DecrementedBy(1));
        assertThat(ExpectedParser.parse("as  Sent")).isEqualTo(new Expected.AsSent());
    }

    @Test
    void valuesAreLiterals() {
        for (String text : new String[] {
            "64",
            "0x0800",
            "10.1.16.3",
            "5e:f8:4f:00:e3:37",
            "5E-F8-4F-00-E3-37",
            "absent",
            "present",
            "set",
            "not set",
            "fe80::1"
        }) {
            assertThat(ExpectedParser.parse(text)).as(text).isEqualTo(new Expected.Literal(text));
        }
        assertThat(ExpectedParser.parse("\"node2.vtep.mac\"")).isEqualTo(new Expected.Literal("node2.vtep.mac"));
    }

    @Test
    void anythingElseIsASymbol() {
        assertThat(ExpectedParser.parse("node2.vtep.mac")).isEqualTo(new Expected.SymbolRef("node2.vtep.mac"));
        assertThat(ExpectedParser.parse("lease(10.1.16.0/24).VtepMAC"))
                .isEqualTo(new Expected.SymbolRef("lease(10.1.16.0/24).VtepMAC"));
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThatThrownBy(() -> ExpectedParser.parse("in 10..1")).hasMessageContaining("empty range");
    }

    @Test
    void tableCellsBecomeRowsWithTheDecodersFieldNames() {
        var rows = ExpectationRow.fromCells(java.util.List.of(
                java.util.List.of("layer", "field", "expected"),
                java.util.List.of("outer ip", "ttl", "64"),
                java.util.List.of("VXLAN", "vni", "1"),
                java.util.List.of("inner ethernet", "destination", "node2.vtep.mac")));

        assertThat(rows)
                .extracting(ExpectationRow::fieldName)
                .containsExactly("outer.ipv4.ttl", "vxlan.vni", "inner.ethernet.destination");
    }
}
