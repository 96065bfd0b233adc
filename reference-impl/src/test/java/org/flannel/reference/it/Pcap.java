package org.flannel.reference.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Just enough of the pcap format to count the frames a capture holds. */
final class Pcap {
    private Pcap() {}

    static int frameCount(Path file) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file));
            if (buffer.remaining() < 24) {
                return 0;
            }
            int magic = buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
            buffer.order(magic == 0xa1b2c3d4 || magic == 0xa1b23c4d ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            int count = 0;
            int offset = 24;
            while (offset + 16 <= buffer.limit()) {
                int captured = buffer.getInt(offset + 8);
                offset += 16 + captured;
                if (offset <= buffer.limit()) {
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
