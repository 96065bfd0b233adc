package org.flannel.reference.backend.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Ipv4HeaderTest {

    /** A random IPv4 header (random options included) with a correct checksum. */
    static ByteBuffer randomHeader(SplittableRandom random, int ttl) {
        int headerLength = 20 + 4 * random.nextInt(11);
        ByteBuffer header = ByteBuffer.allocate(headerLength);
        for (int i = 0; i < headerLength; i++) {
            header.put(i, (byte) random.nextInt(256));
        }
        header.put(0, (byte) (0x40 | headerLength / 4));
        header.put(8, (byte) ttl);
        header.putShort(10, (short) 0);
        header.putShort(10, (short) Ipv4Header.internetChecksum(header, 0, headerLength));
        return header;
    }

    @Test
    void theIncrementalChecksumEqualsAFullRecomputationOverManyRandomHeaders() {
        SplittableRandom random = new SplittableRandom(1624);
        for (int i = 0; i < 200_000; i++) {
            int ttl = 2 + random.nextInt(254);
            ByteBuffer header = randomHeader(random, ttl);
            int headerLength = Ipv4Header.headerLength(header);

            assertThat(Ipv4Header.decrementTtl(header)).isTrue();

            assertThat(Ipv4Header.ttl(header)).isEqualTo(ttl - 1);
            int incremental = Ipv4Header.checksum(header);
            header.putShort(10, (short) 0);
            int full = Ipv4Header.internetChecksum(header, 0, headerLength);
            assertThat(incremental).as("header %d, TTL %d", i, ttl).isEqualTo(full);
        }
    }

    @Test
    void theChecksumWordsWhereCarriesWrapAreRight() {
        // Headers whose checksum is at the edges of the one's complement wrap-around.
        SplittableRandom random = new SplittableRandom(7);
        int edges = 0;
        for (int i = 0; edges < 2_000 && i < 50_000_000; i++) {
            ByteBuffer header = randomHeader(random, 2 + random.nextInt(254));
            int checksum = Ipv4Header.checksum(header);
            if (checksum > 0xfeff || checksum < 0x0100) {
                edges++;
                Ipv4Header.decrementTtl(header);
                assertThat(Ipv4Header.checksumIsValid(header, Ipv4Header.headerLength(header)))
                        .isTrue();
            }
        }
        assertThat(edges).isEqualTo(2_000);
    }

    @Test
    void aDecrementedHeaderStillChecksumsToAllOnes() {
        ByteBuffer header = randomHeader(new SplittableRandom(3), 64);
        Ipv4Header.decrementTtl(header);
        assertThat(Ipv4Header.checksumIsValid(header, Ipv4Header.headerLength(header)))
                .isTrue();
    }

    @Test
    void ttlOneWouldReachZeroSoThePacketIsLeftUntouchedForDropping() {
        ByteBuffer header = randomHeader(new SplittableRandom(5), 1);
        ByteBuffer before = copy(header);

        assertThat(Ipv4Header.decrementTtl(header)).isFalse();

        assertThat(header).isEqualTo(before);
    }

    @Test
    void ttlZeroIsDroppedRatherThanWrappedTo255() {
        ByteBuffer header = randomHeader(new SplittableRandom(6), 0);

        assertThat(Ipv4Header.decrementTtl(header)).isFalse();
        assertThat(Ipv4Header.ttl(header)).isZero();
    }

    @Test
    void ttlTwoBecomesOne() {
        ByteBuffer header = randomHeader(new SplittableRandom(8), 2);

        assertThat(Ipv4Header.decrementTtl(header)).isTrue();
        assertThat(Ipv4Header.ttl(header)).isEqualTo(1);
    }

    @Test
    void theFieldsAreReadFromTheirOffsets() {
        ByteBuffer header = ByteBuffer.allocateDirect(20)
                .put(0, (byte) 0x46)
                .putShort(2, (short) 1500)
                .putShort(6, (short) 0x2005)
                .put(8, (byte) 63)
                .put(9, (byte) 17)
                .putInt(12, 0x0a010f02)
                .putInt(16, 0x0a011003);

        assertThat(Ipv4Header.version(header)).isEqualTo(4);
        assertThat(Ipv4Header.headerLength(header)).isEqualTo(24);
        assertThat(Ipv4Header.totalLength(header)).isEqualTo(1500);
        assertThat(Ipv4Header.fragmentOffset(header)).isEqualTo(5);
        assertThat(Ipv4Header.ttl(header)).isEqualTo(63);
        assertThat(Ipv4Header.protocol(header)).isEqualTo(17);
        assertThat(Ipv4Header.source(header)).isEqualTo(0x0a010f02);
        assertThat(Ipv4Header.destination(header)).isEqualTo(0x0a011003);
    }

    @Test
    void theInternetChecksumPadsAnOddLastByte() {
        ByteBuffer data =
                ByteBuffer.allocate(3).put(0, (byte) 0x01).put(1, (byte) 0x02).put(2, (byte) 0x03);
        // 0x0102 + 0x0300 = 0x0402, inverted
        assertThat(Ipv4Header.internetChecksum(data, 0, 3)).isEqualTo(~0x0402 & 0xffff);
    }

    static ByteBuffer copy(ByteBuffer buffer) {
        ByteBuffer copy = ByteBuffer.allocate(buffer.capacity());
        for (int i = 0; i < buffer.capacity(); i++) {
            copy.put(i, buffer.get(i));
        }
        return copy;
    }
}
