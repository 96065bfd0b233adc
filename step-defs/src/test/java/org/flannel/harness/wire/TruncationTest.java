package org.flannel.harness.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TruncationTest {

    private final FrameDecoder decoder = new FrameDecoder();

    @Test
    void everyCutOfAVxlanFrameDecodesWithoutThrowing() {
        byte[] whole = Packets.vxlanPing();
        int fieldsOfWholeFrame =
                decoder.decode(LinkTypes.ETHERNET, whole).fields().size();
        for (int length = 0; length <= whole.length; length++) {
            Frame frame = cut(whole, length);

            assertThat(frame.layers()).noneMatch(layer -> layer.name().equals("decode_error"));
            for (Field field : frame.fields().values()) {
                if (!field.isTruncated()) {
                    assertThat(field.offset() + field.byteSpan())
                            .as(field.name())
                            .isLessThanOrEqualTo(length);
                }
            }
            if (length >= 92) {
                assertThat(frame.fields()).hasSize(fieldsOfWholeFrame);
            }
        }
    }

    @Test
    void snaplen96KeepsAllHeadersAndLeavesPayloadChecksumsUnverifiable() {
        Frame frame = cut(Packets.vxlanPing(), 96);

        assertThat(frame.isTruncated()).isTrue();
        assertThat(frame.fields().values()).noneMatch(Field::isTruncated);
        assertThat(frame.violations()).isEmpty();
        assertThat(frame.checksumStatus("outer.ipv4.header_checksum")).hasValue(ChecksumStatus.GOOD);
        assertThat(frame.checksumStatus("outer.udp.checksum")).hasValue(ChecksumStatus.UNVERIFIABLE);
        assertThat(frame.checksumStatus("inner.icmp.checksum")).hasValue(ChecksumStatus.UNVERIFIABLE);
    }

    @Test
    void aCutInsideAHeaderMarksTheRestOfItTruncated() {
        Frame frame = cut(Packets.vxlanPing(), 47); // inside the VNI

        assertThat(frame.value("vxlan.flags")).hasValue("0x08");
        assertThat(frame.field("vxlan.vni")).hasValueSatisfying(field -> {
            assertThat(field.isTruncated()).isTrue();
            assertThat(field.value()).isEqualTo("(truncated)");
            assertThat(field.offset()).isEqualTo(46);
        });
        assertThat(frame.value("vxlan.reserved2")).hasValue("(truncated)");
        assertThat(frame.layer("inner.ethernet")).isEmpty();
    }

    @Test
    void aCutInsideTheIpv4HeaderLeavesItsChecksumUnverifiable() {
        Frame frame = cut(Packets.hostGwPing(), 30);

        assertThat(frame.value("ipv4.ttl")).hasValue("63");
        assertThat(frame.value("ipv4.destination")).hasValue("(truncated)");
        assertThat(frame.checksumStatus("ipv4.header_checksum")).hasValue(ChecksumStatus.UNVERIFIABLE);
        assertThat(frame.violations()).isEmpty();
    }

    private Frame cut(byte[] whole, int length) {
        return decoder.decode(0, Instant.EPOCH, LinkTypes.ETHERNET, Packets.cut(whole, length), whole.length);
    }
}
