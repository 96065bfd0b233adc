package org.flannel.harness.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a classic pcap file (microsecond timestamps) so tests can feed hand-built frames to libpcap and tshark. */
public final class PcapFileWriter {

    /** A frame to write: {@code originalLength} larger than the bytes makes it a snaplen-truncated frame. */
    public record Record(byte[] bytes, int originalLength) {
        public static Record whole(byte[] bytes) {
            return new Record(bytes, bytes.length);
        }
    }

    private PcapFileWriter() {}

    /** @param linkType the LINKTYPE_ value stored in the file: 1 Ethernet, 101 raw IP, 113 Linux cooked */
    public static Path write(Path file, int linkType, List<Record> records) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xa1b2c3d4)
                    .putShort((short) 2)
                    .putShort((short) 4)
                    .putInt(0)
                    .putInt(0)
                    .putInt(65535)
                    .putInt(linkType);
            out.write(header.array());
            int second = 1_700_000_000;
            for (int i = 0; i < records.size(); i++) {
                Record record = records.get(i);
                ByteBuffer recordHeader = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                recordHeader
                        .putInt(second + i)
                        .putInt(1000 * i)
                        .putInt(record.bytes().length)
                        .putInt(record.originalLength());
                out.write(recordHeader.array());
                out.write(record.bytes());
            }
        }
        return file;
    }

    public static Path writeEthernet(Path file, List<byte[]> frames) throws IOException {
        return write(
                file, LinkTypes.ETHERNET, frames.stream().map(Record::whole).toList());
    }
}
